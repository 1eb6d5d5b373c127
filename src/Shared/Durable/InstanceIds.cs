namespace Serverless.Durable;

/// <summary>
/// What an instance id may be, on every engine and store: 1 to 256 characters that are valid Table keys (no
/// <c>/ \ # ?</c>, as Azure Storage's task hub keys instances by id) and display as what they are: no control
/// characters and no invisible format characters such as the bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F, U+061C), zero-width characters (U+200B–U+200D, U+2060,
/// U+FEFF) or line and paragraph separators, which make an id look like another. Unpaired surrogates are refused, and
/// so is a leading <c>~</c> (<see cref="Serverless.Audit.AuditStreams"/>).
/// </summary>
public static class InstanceIds
{
    /// <summary>The longest id, in UTF-16 characters.</summary>
    public const int MaxLength = 256;

    /// <summary>Why <paramref name="instanceId"/> is not a valid id, or null when it is.</summary>
    /// <param name="instanceId">The id.</param>
    /// <returns>A sentence naming the first offending character and its index, or null.</returns>
    public static string? Problem(string? instanceId)
    {
        if (string.IsNullOrWhiteSpace(instanceId))
        {
            return "An instance id must not be empty or white space.";
        }

        if (instanceId.Length > MaxLength)
        {
            return $"An instance id is at most {MaxLength} characters; this one has {instanceId.Length}.";
        }

        if (instanceId[0] == Serverless.Audit.AuditStreams.Prefix)
        {
            return $"An instance id must not start with '{Serverless.Audit.AuditStreams.Prefix}': that prefix names audit trails that belong to no instance.";
        }

        return DisplaySafeText.Problem(instanceId, "An instance id", "/\\#?");
    }

    /// <summary>Throws when <paramref name="instanceId"/> is not a valid id.</summary>
    /// <param name="instanceId">The id.</param>
    /// <param name="paramName">The parameter name for the exception.</param>
    /// <exception cref="ArgumentException">The id breaks a rule; the message says which.</exception>
    public static void Validate(string? instanceId, string paramName = "instanceId")
    {
        if (Problem(instanceId) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }
    }
}
