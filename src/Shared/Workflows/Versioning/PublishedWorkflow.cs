using Serverless.Workflows.Validation;

namespace Serverless.Workflows.Versioning;

/// <summary>
/// What a running instance pins: name, version and the content hash of the exact definition it started with.
/// Resolving a pin whose hash no longer matches is an error, never a silent upgrade.
/// </summary>
/// <param name="Name">Workflow name.</param>
/// <param name="Version">Workflow version.</param>
/// <param name="ContentHash">Canonical-JSON SHA-256 of the definition (<c>sha256:...</c>).</param>
public readonly record struct WorkflowVersion(string Name, int Version, string ContentHash)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}@{Version} ({ContentHash})";
}

/// <summary>An immutable published version of a workflow.</summary>
/// <param name="Pin">Name, version and content hash.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="CanonicalJson">The canonical JSON source; storing it is enough to rebuild the same definition.</param>
/// <param name="Workflow">The compiled definition and its step graph.</param>
public sealed record PublishedWorkflow(WorkflowVersion Pin, DateTimeOffset PublishedAt, string CanonicalJson, CompiledWorkflow Workflow);

/// <summary>Thrown when a name and version is published again with different content.</summary>
public sealed class WorkflowVersionConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="existing">The version already published.</param>
    /// <param name="attemptedHash">Hash of the rejected content.</param>
    public WorkflowVersionConflictException(WorkflowVersion existing, string attemptedHash)
        : base($"{existing.Name} version {existing.Version} is already published with hash {existing.ContentHash}; versions are immutable, publish a new version instead (rejected {attemptedHash}).")
    {
        Existing = existing;
    }

    /// <summary>The version already published.</summary>
    public WorkflowVersion Existing { get; }
}
