using System.Text.Json.Nodes;

namespace Serverless.Activities.General;

/// <summary>Output of <see cref="Http"/>.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Headers">Response and content headers (values joined with <c>, </c>).</param>
/// <param name="Body">The body: parsed JSON when the response is JSON, else the text; null when empty.</param>
public sealed record HttpResponseOutput(int Status, IReadOnlyDictionary<string, string> Headers, JsonNode? Body);
