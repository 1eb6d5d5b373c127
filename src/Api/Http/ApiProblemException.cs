namespace Serverless.Api.Http;

/// <summary>A request the API refuses, with the problem-details status, title and detail to answer with.</summary>
/// <param name="status">The HTTP status (4xx).</param>
/// <param name="title">A short, stable summary.</param>
/// <param name="detail">What exactly is wrong.</param>
/// <param name="extensions">Extra members of the problem document, e.g. <c>errors</c>.</param>
public sealed class ApiProblemException(int status, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail)
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>A short, stable summary.</summary>
    public string Title { get; } = title;

    /// <summary>Extra members of the problem document.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; } = extensions;

    /// <summary>400 Bad Request.</summary>
    /// <param name="detail">What exactly is wrong.</param>
    /// <returns>The exception.</returns>
    public static ApiProblemException BadRequest(string detail) => new(400, "Bad request", detail);

    /// <summary>404 Not Found.</summary>
    /// <param name="detail">What was not found.</param>
    /// <returns>The exception.</returns>
    public static ApiProblemException NotFound(string detail) => new(404, "Not found", detail);
}
