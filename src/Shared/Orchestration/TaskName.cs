namespace Serverless.Orchestration;

/// <summary>The name (and optional version) of an orchestrator or activity, as Durable Task names it.</summary>
public readonly record struct TaskName
{
    /// <summary>Creates a task name.</summary>
    /// <param name="name">The registered name; not empty.</param>
    /// <param name="version">An optional version.</param>
    [System.Text.Json.Serialization.JsonConstructor]
    public TaskName(string name, string? version = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Version = version ?? string.Empty;
    }

    /// <summary>The registered name (empty only for <c>default</c>).</summary>
    public string Name { get => field ?? string.Empty; }

    /// <summary>The version, or empty.</summary>
    public string Version { get => field ?? string.Empty; }

    /// <summary>Converts a plain name.</summary>
    public static implicit operator TaskName(string name) => new(name);

    /// <inheritdoc />
    public override string ToString() => Version.Length == 0 ? Name : $"{Name}:{Version}";
}
