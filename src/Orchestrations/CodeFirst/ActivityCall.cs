using System.Text.Json.Nodes;

namespace Serverless.Orchestrations.CodeFirst;

/// <summary>
/// One activity call described as data: the activity, its input as a JSON template (docs/dsl.md, Templates)
/// and how it is retried. The orchestrator that runs it says what the template can read.
/// </summary>
/// <param name="Activity">The registered activity name.</param>
/// <param name="Input">The input template; <c>{{ }}</c> holes are evaluated just before the call.</param>
/// <param name="Retry">How failures are retried, or null for a single attempt.</param>
public sealed record ActivityCall(string Activity, JsonNode? Input = null, RetrySpec? Retry = null);
