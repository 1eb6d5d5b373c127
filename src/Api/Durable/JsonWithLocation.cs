using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Durable;

/// <summary>A JSON body with a status code and a <c>Location</c> to poll.</summary>
internal sealed class JsonWithLocation(JsonNode body, int status, string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Location = location;
        httpContext.Response.Headers.RetryAfter = "10";
        return Results.Json(body, statusCode: status).ExecuteAsync(httpContext);
    }
}
