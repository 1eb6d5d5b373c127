using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Durable;

/// <summary>200 with a JSON body and one optional response header.</summary>
internal sealed class JsonWithHeader(JsonNode body, string header, string? value) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (value is not null)
        {
            httpContext.Response.Headers[header] = value;
        }

        return Results.Json(body).ExecuteAsync(httpContext);
    }
}
