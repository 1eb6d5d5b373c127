using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;
using Serverless.Workflows.Validation;

namespace Serverless.Workflows.Versioning;

/// <summary>
/// In-memory catalog of published, immutable workflow versions. Publishing validates against the options,
/// resolving sub-workflows through this catalog. Thread-safe. Stores persist <see cref="PublishedWorkflow.CanonicalJson"/>.
/// </summary>
/// <param name="options">Validation options used for every publish (its <c>ResolveWorkflow</c> is replaced by this catalog).</param>
/// <param name="timeProvider">Clock for <see cref="PublishedWorkflow.PublishedAt"/>.</param>
public sealed class WorkflowCatalog(ValidationOptions? options = null, TimeProvider? timeProvider = null)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Name, int Version), PublishedWorkflow> _versions = [];
    private readonly ValidationOptions _options = options ?? new ValidationOptions();
    private readonly TimeProvider _clock = timeProvider ?? TimeProvider.System;

    /// <summary>Validates and publishes a definition. Publishing identical content again returns the existing version.</summary>
    /// <param name="text">Definition source.</param>
    /// <param name="format">Source format.</param>
    /// <returns>The published version.</returns>
    /// <exception cref="WorkflowDefinitionException">The definition is invalid.</exception>
    /// <exception cref="WorkflowVersionConflictException">The version exists with different content.</exception>
    public PublishedWorkflow Publish(string text, SourceFormat format = SourceFormat.Json)
    {
        var compiled = WorkflowCompiler.CompileOrThrow(text, _options with { ResolveWorkflow = Find }, format);
        var canonical = CanonicalJson.Serialize(compiled.Document);
        var pin = new WorkflowVersion(compiled.Definition.Name, compiled.Definition.Version, CanonicalJson.Hash(compiled.Document));
        lock (_lock)
        {
            if (_versions.TryGetValue((pin.Name, pin.Version), out var existing))
            {
                return existing.Pin.ContentHash == pin.ContentHash
                    ? existing
                    : throw new WorkflowVersionConflictException(existing.Pin, pin.ContentHash);
            }
            var published = new PublishedWorkflow(pin, _clock.GetUtcNow(), canonical, compiled);
            _versions.Add((pin.Name, pin.Version), published);
            return published;
        }
    }

    /// <summary>Finds a published version.</summary>
    /// <param name="name">Workflow name.</param>
    /// <param name="version">Version.</param>
    /// <returns>The published version, or null.</returns>
    public PublishedWorkflow? Get(string name, int version)
    {
        lock (_lock)
            return _versions.GetValueOrDefault((name, version));
    }

    /// <summary>Resolves a pin, checking that the content is still exactly what the instance started with.</summary>
    /// <param name="pin">The pinned version.</param>
    /// <returns>The published version, or null when absent or when its hash differs.</returns>
    public PublishedWorkflow? Resolve(WorkflowVersion pin) =>
        Get(pin.Name, pin.Version) is { } found && found.Pin.ContentHash == pin.ContentHash ? found : null;

    /// <summary>The definition of a published version; usable as <see cref="ValidationOptions.ResolveWorkflow"/>.</summary>
    /// <param name="name">Workflow name.</param>
    /// <param name="version">Version.</param>
    /// <returns>The definition, or null.</returns>
    public WorkflowDefinition? Find(string name, int version) => Get(name, version)?.Workflow.Definition;

    /// <summary>All published versions of a workflow, ascending.</summary>
    /// <param name="name">Workflow name.</param>
    /// <returns>The versions.</returns>
    public IReadOnlyList<PublishedWorkflow> Versions(string name)
    {
        lock (_lock)
            return _versions.Values.Where(v => v.Pin.Name == name).OrderBy(v => v.Pin.Version).ToList();
    }

    /// <summary>The highest published version of a workflow, or null.</summary>
    /// <param name="name">Workflow name.</param>
    /// <returns>The latest version.</returns>
    public PublishedWorkflow? Latest(string name) => Versions(name).LastOrDefault();
}
