using System.Text.Json.Nodes;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>Input of <see cref="SequentialChain"/>.</summary>
public sealed record SequentialChainInput
{
    /// <summary>The steps, run in order.</summary>
    public IReadOnlyList<ChainStep> Steps { get; init; } = [];

    /// <summary>The chain's input: the first step's input when it has no template; templates read it as <c>input</c>.</summary>
    public JsonNode? Input { get; init; }
}

/// <summary>One step of a <see cref="SequentialChain"/>.</summary>
/// <param name="Name">The step's name, unique in the chain; later templates read its output as <c>steps.&lt;Name&gt;.output</c>.</param>
/// <param name="Call">The activity call. Without an input template the step receives the previous step's output (context passing).</param>
public sealed record ChainStep(string Name, ActivityCall Call);
