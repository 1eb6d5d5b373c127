using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Serverless.Functions.Bindings;

/// <summary>
/// The shared handlers answer with minimal-API <see cref="IResult"/>s; the Functions ASP.NET Core
/// integration executes <see cref="IActionResult"/>s. This wraps one in the other, unchanged.
/// </summary>
internal static class HandlerResults
{
    /// <summary>Awaits a handler and wraps its result.</summary>
    /// <param name="handler">The running handler.</param>
    /// <returns>An action result that executes the handler's result on the request's context.</returns>
    public static async Task<IActionResult> AsActionResult(this Task<IResult> handler) => new ResultAction(await handler);

    /// <summary>Wraps a handler's result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>An action result that executes it on the request's context.</returns>
    public static IActionResult AsActionResult(this IResult result) => new ResultAction(result);

    private sealed class ResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
