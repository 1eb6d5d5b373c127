using Serverless.Api.Access;

namespace Serverless.Api.Routing;

/// <summary>One HTTP route of the product, as both hosts expose it.</summary>
/// <param name="FunctionName">The function name (the Functions binding uses the same one).</param>
/// <param name="Methods">HTTP methods, upper case.</param>
/// <param name="Route">Route template relative to the route prefix (<c>/api</c> for product routes).</param>
/// <param name="Authorization">The key it needs (the Functions binding's level).</param>
/// <param name="Summary">One line for the OpenAPI document.</param>
public sealed record ApiRoute(string FunctionName, IReadOnlyList<string> Methods, string Route, RouteAuthorization Authorization, string Summary)
{
    /// <summary>
    /// The role a caller needs (docs/security.md); every route names one, <see cref="ApiRole.Anyone"/> for routes that
    /// need no key. Null only while a route is being added: a guard test fails until it names one, and until then only
    /// admin may call it.
    /// </summary>
    public ApiRole? Role { get; init; }
}
