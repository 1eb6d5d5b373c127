using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Serverless.Workflows.Validation;
using Serverless.Workflows.Versioning;

namespace Serverless.Orchestrations.Workflows;

/// <summary>
/// Compiled definitions by content hash. Compiling is a pure function of the canonical JSON, so sharing the result
/// across instances, replays and starts cannot change behaviour; it only spares re-parsing on every episode and start
/// (the start path uses it too).
/// </summary>
public static class CompiledWorkflowCache
{
    private const int Capacity = 1024;
    private static readonly ConcurrentDictionary<string, CompiledWorkflow> Compiled = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Hashes = new(StringComparer.Ordinal);

    // Published definitions were validated against the host's registry; here only the language rules matter.
    private static readonly ValidationOptions Options = new();

    /// <summary>The compiled form of a pinned definition.</summary>
    /// <param name="contentHash">The pin's content hash (the cache key).</param>
    /// <param name="canonicalJson">The definition text.</param>
    /// <returns>The compiled workflow.</returns>
    /// <exception cref="Serverless.Workflows.Diagnostics.WorkflowDefinitionException">The definition is invalid.</exception>
    public static CompiledWorkflow Get(string contentHash, string canonicalJson)
    {
        if (Compiled.TryGetValue(contentHash, out var hit))
            return hit;
        var compiled = WorkflowCompiler.CompileOrThrow(canonicalJson, Options);
        if (Compiled.Count >= Capacity)
            Compiled.Clear();
        return Compiled.GetOrAdd(contentHash, compiled);
    }

    /// <summary>The content hash of a definition's canonical JSON (cached: sub-workflow starts need it on every replay).</summary>
    /// <param name="canonicalJson">The definition text.</param>
    /// <returns>The <c>sha256:</c> hash.</returns>
    public static string HashOf(string canonicalJson)
    {
        if (Hashes.TryGetValue(canonicalJson, out var hash))
            return hash;
        if (Hashes.Count >= Capacity)
            Hashes.Clear();
        return Hashes.GetOrAdd(canonicalJson, json => CanonicalJson.Hash(JsonNode.Parse(json)));
    }
}
