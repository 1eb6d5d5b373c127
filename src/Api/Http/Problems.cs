using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Http;

/// <summary><c>application/problem+json</c> answers (RFC 9457).</summary>
public static class Problems
{
    /// <summary>A problem-details result.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="title">A short, stable summary.</param>
    /// <param name="detail">What exactly is wrong.</param>
    /// <param name="extensions">Extra members.</param>
    /// <returns>The result.</returns>
    public static IResult Create(int status, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: $"https://httpstatuses.io/{status}", extensions: extensions);

    /// <summary>The answer for a refused request.</summary>
    /// <param name="problem">The refusal.</param>
    /// <returns>The result.</returns>
    public static IResult From(ApiProblemException problem) => Create(problem.Status, problem.Title, problem.Message, problem.Extensions);
}
