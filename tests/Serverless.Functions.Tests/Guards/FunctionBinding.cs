namespace Serverless.Functions.Tests.Guards;

/// <summary>What kind of trigger a Functions binding has.</summary>
internal enum BindingKind
{
    /// <summary><c>[OrchestrationTrigger]</c>.</summary>
    Orchestrator,

    /// <summary><c>[ActivityTrigger]</c>.</summary>
    Activity,

    /// <summary><c>[HttpTrigger]</c>.</summary>
    Http,

    /// <summary><c>[TimerTrigger]</c>.</summary>
    Timer,

    /// <summary>A <c>[Function]</c> with none of the above.</summary>
    Unknown,
}

/// <summary>One <c>[Function]</c> method of <c>src/Functions</c>, as the guards read it.</summary>
/// <param name="Name">The function name (the attribute's constant value).</param>
/// <param name="Kind">The trigger kind.</param>
/// <param name="Where">File and line, for messages.</param>
internal sealed record FunctionBinding(string Name, BindingKind Kind, string Where)
{
    /// <summary>For orchestrators and activities: the shared class the binding runs (full name), if found.</summary>
    public string? Implementation { get; init; }

    /// <summary>For HTTP: the methods, upper-case, sorted.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>For HTTP: the route template.</summary>
    public string? Route { get; init; }

    /// <summary>For HTTP: the authorization level's name.</summary>
    public string? AuthorizationLevel { get; init; }

    /// <summary>For timers: the schedule expression (e.g. <c>%ScheduleTickCron%</c>).</summary>
    public string? Schedule { get; init; }

    /// <summary>For HTTP and timers: the shared handler it calls, as <c>Type.Method</c> (e.g. <c>DefinitionEndpoints.PublishAsync</c>).</summary>
    public string? Handler { get; init; }

    /// <summary>True when the method is expression-bodied: it hands the call on and holds no logic.</summary>
    public bool IsOneExpression { get; init; }
}
