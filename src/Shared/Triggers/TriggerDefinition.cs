namespace Serverless.Triggers;

/// <summary>A checked trigger: a named webhook, how it authenticates, and its rules.</summary>
public sealed record TriggerDefinition
{
    /// <summary>The trigger's name, the last segment of <c>POST /api/hooks/{name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the trigger is for.</summary>
    public string? Description { get; init; }

    /// <summary>How deliveries authenticate.</summary>
    public required TriggerAuth Auth { get; init; }

    /// <summary>The rules, evaluated in order; every match starts its workflow.</summary>
    public required IReadOnlyList<TriggerRule> Rules { get; init; }
}
