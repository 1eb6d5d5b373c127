using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Durable;

/// <summary>How a status answer is shown, from the query: <c>showHistory</c>, <c>showHistoryOutput</c>, <c>showInput</c>, <c>returnInternalServerErrorOnFailure</c>.</summary>
/// <param name="ShowHistory">Add <c>historyEvents</c>.</param>
/// <param name="ShowHistoryOutput">Add results and event inputs to the history.</param>
/// <param name="ShowInput">Add the input (default true).</param>
/// <param name="ServerErrorOnFailure">Answer 500 rather than 400 for a failed instance.</param>
internal sealed record StatusView(bool ShowHistory, bool ShowHistoryOutput, bool ShowInput, bool ServerErrorOnFailure)
{
    /// <summary>Reads the flags; a bad value is a 400 before anything is looked up or started.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The view.</returns>
    public static StatusView Read(HttpRequest request) => new(
        QueryValues.Bool(request, "showHistory", false),
        QueryValues.Bool(request, "showHistoryOutput", false),
        QueryValues.Bool(request, "showInput", true),
        QueryValues.Bool(request, "returnInternalServerErrorOnFailure", false));
}
