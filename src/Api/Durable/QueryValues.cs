using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Api.Http;

namespace Serverless.Api.Durable;

/// <summary>Strict parsing of query-string parameters: a bad value is a 400 naming the parameter, never ignored.</summary>
public static class QueryValues
{
    /// <summary>A boolean parameter.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter.</param>
    /// <param name="fallback">The value when absent.</param>
    /// <returns>The value.</returns>
    public static bool Bool(HttpRequest request, string name, bool fallback)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query[name].ToString();
        return text.Length == 0 ? fallback
            : bool.TryParse(text, out var value) ? value
            : throw ApiProblemException.BadRequest($"Query parameter '{name}' must be true or false, not '{text}'.");
    }

    /// <summary>An ISO 8601 time parameter.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter.</param>
    /// <returns>The value, or null when absent.</returns>
    public static DateTimeOffset? Time(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query[name].ToString();
        return text.Length == 0 ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value
            : throw ApiProblemException.BadRequest($"Query parameter '{name}' must be an ISO 8601 time such as 2026-01-31T08:00:00Z, not '{text}'.");
    }

    /// <summary>An integer parameter within bounds.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter.</param>
    /// <param name="min">Smallest allowed.</param>
    /// <param name="max">Largest allowed.</param>
    /// <returns>The value, or null when absent.</returns>
    public static int? Int(HttpRequest request, string name, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query[name].ToString();
        return text.Length == 0 ? null
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
            : throw ApiProblemException.BadRequest($"Query parameter '{name}' must be a whole number from {min} to {max}, not '{text}'.");
    }

    /// <summary>The <c>runtimeStatus</c> list (comma separated, case-insensitive names).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The statuses, or null when absent.</returns>
    public static IReadOnlyList<OrchestrationRuntimeStatus>? Statuses(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var names = request.Query["runtimeStatus"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        return names.Select(n => Enum.TryParse<OrchestrationRuntimeStatus>(n, ignoreCase: true, out var s) && !int.TryParse(n, out _) ? s
            : throw ApiProblemException.BadRequest(
                $"'{n}' is not a runtime status; use {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}.")).ToList();
    }
}
