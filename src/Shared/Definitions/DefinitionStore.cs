using Azure;
using Azure.Data.Tables;
using Serverless.Storage;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;
using Serverless.Workflows.Validation;
using Serverless.Workflows.Versioning;

namespace Serverless.Definitions;

/// <summary>
/// Published workflow definitions on the table-store port: immutable versions plus a pointer per workflow to the
/// version new instances start with (publishing moves it to the new version; <see cref="ActivateAsync"/> rolls back).
/// </summary>
public sealed partial class DefinitionStore
{
    /// <summary>The default table name.</summary>
    public const string DefaultTable = "WorkflowDefinitions";

    private const int MaxResolveRounds = 32;

    /// <summary>Versions kept in memory; a version never changes once stored, so a hit needs no read.</summary>
    private const int VersionCacheCapacity = 1024;

    private readonly ITableStore _store;
    private readonly TimeProvider _time;
    private readonly string _table;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, int Version), StoredDefinition> _versions = new();

    /// <summary>Creates the store.</summary>
    /// <param name="store">The table store.</param>
    /// <param name="time">The clock for publish and activation times.</param>
    /// <param name="table">The table name.</param>
    public DefinitionStore(ITableStore store, TimeProvider time, string table = DefaultTable)
    {
        _store = store;
        _time = time;
        _table = table;
    }

    /// <summary>Creates the table if it does not exist.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the table exists.</returns>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _store.CreateTableIfNotExistsAsync(_table, cancellationToken);

    /// <summary>
    /// Validates and publishes a definition, resolving its sub-workflows among the published ones. Publishing the same
    /// content again is idempotent; a new version becomes the active one.
    /// </summary>
    /// <param name="text">JSON or YAML source.</param>
    /// <param name="format">The source format.</param>
    /// <param name="publishedBy">Who publishes.</param>
    /// <param name="options">Registry, limits and policies (its resolver is replaced by this store).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored version and whether this call created it.</returns>
    /// <exception cref="WorkflowDefinitionException">The definition is invalid; nothing is stored.</exception>
    /// <exception cref="WorkflowVersionConflictException">The version exists with other content; nothing is stored.</exception>
    public async Task<PublishOutcome> PublishAsync(
        string text, SourceFormat format, string publishedBy, ValidationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        ArgumentNullException.ThrowIfNull(options);
        var compiled = (await CompileAsync(text, format, options, cancellationToken)).Workflow;
        var definition = compiled.Definition;
        var stored = new StoredDefinition(
            definition.Name, definition.Version, CanonicalJson.Hash(compiled.Document), CanonicalJson.Serialize(compiled.Document),
            _time.GetUtcNow(), publishedBy, definition.Retention);

        if (await GetAsync(stored.Name, stored.Version, cancellationToken) is { } existing)
        {
            return existing.ContentHash == stored.ContentHash
                ? new PublishOutcome(existing, false)
                : throw new WorkflowVersionConflictException(new WorkflowVersion(existing.Name, existing.Version, existing.ContentHash), stored.ContentHash);
        }

        try
        {
            await _store.AddAsync(_table, DefinitionRows.ToEntity(stored), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another publisher won the race: same rules as above against what it stored.
            return await PublishAsync(text, format, publishedBy, options, cancellationToken);
        }

        await MovePointerAsync(stored.Name, p => p is null || stored.Version > p.LatestVersion
            ? new DefinitionPointer(stored.Name, stored.Version, stored.Version, stored.PublishedAt, publishedBy)
            : null, cancellationToken);
        return new PublishOutcome(stored, true);
    }

    /// <summary>Compiles a definition, loading referenced sub-workflows from the store as the validator asks for them.</summary>
    /// <param name="text">JSON or YAML source.</param>
    /// <param name="format">The source format.</param>
    /// <param name="options">Registry, limits and policies.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The compiled workflow.</returns>
    /// <exception cref="WorkflowDefinitionException">The definition is invalid.</exception>
    public async Task<(CompiledWorkflow Workflow, IReadOnlyList<WorkflowDiagnostic> Diagnostics)> CompileAsync(
        string text, SourceFormat format, ValidationOptions options, CancellationToken cancellationToken = default)
    {
        var known = new Dictionary<(string, int), WorkflowDefinition?>();
        for (var round = 0; round < MaxResolveRounds; round++)
        {
            var missing = new HashSet<(string, int)>();
            var result = WorkflowCompiler.Compile(text, options with
            {
                ResolveWorkflow = (name, version) =>
                {
                    if (known.TryGetValue((name, version), out var found))
                    {
                        return found;
                    }

                    missing.Add((name, version));
                    return null;
                },
            }, format);
            if (missing.Count == 0)
            {
                return result.Workflow is { } workflow ? (workflow, result.Diagnostics) : throw new WorkflowDefinitionException(result.Diagnostics);
            }

            foreach (var (name, version) in missing)
            {
                known[(name, version)] = WorkflowParser.IsName(name) && await GetAsync(name, version, cancellationToken) is { } stored
                    ? WorkflowParser.Parse(stored.CanonicalJson).Definition
                    : null;
            }
        }

        throw new WorkflowDefinitionException(
            [new WorkflowDiagnostic(DiagnosticCodes.NestingTooDeep, $"Sub-workflows nest deeper than {MaxResolveRounds} levels.", "$.steps")]);
    }

    /// <summary>Reads one version, or null.</summary>
    /// <param name="name">Workflow name.</param>
    /// <param name="version">Version.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The version, or null.</returns>
    /// <remarks>Versions are immutable, so each is read from the table once per store object and then served from
    /// memory (at most <see cref="VersionCacheCapacity"/> of them; a miss is always read).</remarks>
    public async Task<StoredDefinition?> GetAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!WorkflowParser.IsName(name) || version < 1)
        {
            return null;
        }

        if (_versions.TryGetValue((name, version), out var cached))
        {
            return cached;
        }

        if (await _store.GetAsync(_table, name, DefinitionRows.VersionRowKey(version), cancellationToken) is not { } e)
        {
            return null;
        }

        var stored = DefinitionRows.FromEntity(e);
        if (_versions.Count >= VersionCacheCapacity)
        {
            _versions.Clear();
        }

        _versions[(name, version)] = stored;
        return stored;
    }

    /// <summary>Reads a workflow's version pointer, or null when it was never published.</summary>
    /// <param name="name">Workflow name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pointer, or null.</returns>
    public async Task<DefinitionPointer?> GetPointerAsync(string name, CancellationToken cancellationToken = default) =>
        WorkflowParser.IsName(name) && await _store.GetAsync(_table, name, DefinitionRows.PointerRowKey, cancellationToken) is { } e
            ? DefinitionRows.PointerFromEntity(e)
            : null;

    /// <summary>Reads the active version, or null when the workflow was never published.</summary>
    /// <param name="name">Workflow name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The active version, or null.</returns>
    public async Task<StoredDefinition?> GetActiveAsync(string name, CancellationToken cancellationToken = default) =>
        await GetPointerAsync(name, cancellationToken) is { } pointer ? await GetAsync(name, pointer.ActiveVersion, cancellationToken) : null;

    /// <summary>Every version of a workflow, ascending.</summary>
    /// <param name="name">Workflow name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The versions (empty when never published).</returns>
    public async Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        var versions = new List<StoredDefinition>();
        if (!WorkflowParser.IsName(name))
        {
            return versions;
        }

        var query = TableStoreQuery.Partition(name, new TableCondition("RowKey", TableComparison.GreaterThanOrEqual, "v"));
        await foreach (var row in _store.QueryAllAsync(_table, query, cancellationToken))
        {
            versions.Add(DefinitionRows.FromEntity(row));
        }

        return versions;
    }

    /// <summary>Every published workflow's pointer, by name.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pointers.</returns>
    public async Task<IReadOnlyList<DefinitionPointer>> ListAsync(CancellationToken cancellationToken = default)
    {
        var pointers = new List<DefinitionPointer>();
        var query = new TableStoreQuery { Where = [TableCondition.Equal("RowKey", DefinitionRows.PointerRowKey)] };
        await foreach (var row in _store.QueryAllAsync(_table, query, cancellationToken))
        {
            pointers.Add(DefinitionRows.PointerFromEntity(row));
        }

        return pointers;
    }

    /// <summary>Makes <paramref name="version"/> the one new instances start with (roll back or forward).</summary>
    /// <param name="name">Workflow name.</param>
    /// <param name="version">A published version.</param>
    /// <param name="changedBy">Who changes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new pointer, or null when the version is not published (nothing changes).</returns>
    public async Task<DefinitionPointer?> ActivateAsync(string name, int version, string changedBy, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(name, version, cancellationToken) is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        return await MovePointerAsync(name, p => new DefinitionPointer(name, version, Math.Max(version, p?.LatestVersion ?? 0), now, changedBy), cancellationToken);
    }

    private async Task<DefinitionPointer?> MovePointerAsync(string name, Func<DefinitionPointer?, DefinitionPointer?> move, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await _store.GetAsync(_table, name, DefinitionRows.PointerRowKey, cancellationToken);
            var current = row is null ? null : DefinitionRows.PointerFromEntity(row);
            if (move(current) is not { } next)
            {
                return current;
            }

            try
            {
                if (row is null)
                {
                    await _store.AddAsync(_table, DefinitionRows.ToEntity(next), cancellationToken);
                }
                else
                {
                    await _store.UpdateAsync(_table, DefinitionRows.ToEntity(next), row.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone moved it meanwhile: decide again on what they wrote.
            }
        }
    }
}
