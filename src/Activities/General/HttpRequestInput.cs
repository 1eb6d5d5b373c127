using System.Text.Json.Nodes;

namespace Serverless.Activities.General;

/// <summary>Input of <see cref="Http"/>.</summary>
public sealed record HttpRequestInput
{
    /// <summary>GET (default), POST, PUT, PATCH, DELETE, HEAD or OPTIONS.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>An absolute http or https URL.</summary>
    public string? Url { get; init; }

    /// <summary>Request headers (content headers such as Content-Type apply to the body).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Query parameters appended to the URL (escaped).</summary>
    public IReadOnlyDictionary<string, string>? Query { get; init; }

    /// <summary>The body: a string is sent as text/plain, anything else as application/json.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>Per-attempt timeout in seconds; default from <see cref="HttpActivityOptions.DefaultTimeout"/>.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>Total attempts on 5xx, 429 and timeouts, including the first; default from the options.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>When false, a final non-success status is returned instead of failing the activity.</summary>
    public bool FailOnErrorStatus { get; init; } = true;
}
