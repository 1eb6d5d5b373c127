namespace Serverless.Definitions;

/// <summary>One published, immutable version of a workflow as the definition store keeps it.</summary>
/// <param name="Name">Workflow name.</param>
/// <param name="Version">Version number.</param>
/// <param name="ContentHash">Canonical-JSON hash (<c>sha256:...</c>).</param>
/// <param name="CanonicalJson">The canonical JSON: enough to rebuild the same definition.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="PublishedBy">Who published it.</param>
/// <param name="Retention">The definition's <c>retention</c>, when it sets one.</param>
public sealed record StoredDefinition(
    string Name, int Version, string ContentHash, string CanonicalJson, DateTimeOffset PublishedAt, string PublishedBy, TimeSpan? Retention);

/// <summary>A workflow's version pointer: which version new instances start with.</summary>
/// <param name="Name">Workflow name.</param>
/// <param name="ActiveVersion">The version started when none is asked for.</param>
/// <param name="LatestVersion">The highest published version.</param>
/// <param name="ChangedAt">When the pointer last moved.</param>
/// <param name="ChangedBy">Who moved it.</param>
public sealed record DefinitionPointer(string Name, int ActiveVersion, int LatestVersion, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>What a publish did.</summary>
/// <param name="Definition">The stored version.</param>
/// <param name="Created">False when identical content was already published under this version.</param>
public sealed record PublishOutcome(StoredDefinition Definition, bool Created);
