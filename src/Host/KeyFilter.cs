using Serverless.Api.Http;
using Serverless.Api.Routing;

namespace Serverless.Host;

/// <summary>Checks the key a route needs (<c>x-functions-key</c> header or <c>code</c> query), as the Functions host does.</summary>
/// <param name="level">The route's level.</param>
/// <param name="key">The admin key.</param>
internal sealed class KeyFilter(RouteAuthorization level, AdminKey key) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (level == RouteAuthorization.Anonymous)
        {
            return next(context);
        }

        var request = context.HttpContext.Request;
        var sent = request.Headers["x-functions-key"].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();
        if (key.Matches(sent))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(Problems.Create(
            StatusCodes.Status401Unauthorized,
            "Key required",
            sent.Length == 0
                ? "This route needs a key: send it in the x-functions-key header or the code query parameter."
                : "The key sent in x-functions-key or code is not valid for this route."));
    }
}
