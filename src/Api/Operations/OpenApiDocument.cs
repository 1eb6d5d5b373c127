using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Routing;

namespace Serverless.Api.Operations;

/// <summary>The OpenAPI 3 document of every route, generated from <see cref="ApiRoutes"/> and <see cref="DurableApiRoutes"/>.</summary>
public static partial class OpenApiDocument
{
    /// <summary><c>GET openapi.json</c>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The result.</returns>
    public static IResult Get(HttpRequest request) => Results.Json(Build());

    /// <summary>Builds the document.</summary>
    /// <returns>The document.</returns>
    public static JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (var (prefix, route) in ApiRoutes.All.Select(r => (ApiRoutes.Prefix, r)).Concat(DurableApiRoutes.All.Select(r => (DurableApiRoutes.Prefix, r))))
        {
            foreach (var template in Expand(route.Route))
            {
                var path = $"/{prefix}/{template}";
                var item = paths[path] as JsonObject ?? [];
                paths[path] = item;
                foreach (var method in route.Methods)
                {
                    item[method.ToLowerInvariant()] = Operation(route, template, method);
                }
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Serverless workflow orchestrator", ["version"] = "1.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["functionKeyHeader"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "x-functions-key" },
                    ["functionKeyQuery"] = new JsonObject { ["type"] = "apiKey", ["in"] = "query", ["name"] = "code" },
                },
                ["schemas"] = new JsonObject
                {
                    ["ProblemDetails"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["type"] = new JsonObject { ["type"] = "string" },
                            ["title"] = new JsonObject { ["type"] = "string" },
                            ["status"] = new JsonObject { ["type"] = "integer" },
                            ["detail"] = new JsonObject { ["type"] = "string" },
                        },
                    },
                },
            },
        };
    }

    // OpenAPI has no optional path segments: "a/{b?}" becomes "a" and "a/{b}"; nor catch-alls: "{*b}" becomes "{b}".
    private static IEnumerable<string> Expand(string template)
    {
        template = template.Replace("{*", "{", StringComparison.Ordinal);
        if (!template.EndsWith("?}", StringComparison.Ordinal))
        {
            return [template];
        }

        var cut = template.LastIndexOf("/{", StringComparison.Ordinal);
        return [template[..cut], template.Replace("?}", "}", StringComparison.Ordinal)];
    }

    private static JsonObject Operation(ApiRoute route, string template, string method)
    {
        var parameters = new JsonArray();
        foreach (Match m in PathParameter().Matches(template))
        {
            parameters.Add(new JsonObject { ["name"] = m.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        var operation = new JsonObject
        {
            ["operationId"] = route.Route.EndsWith("?}", StringComparison.Ordinal) && template.Length < route.Route.Length - 2
                ? route.FunctionName + "WithoutId"
                : route.FunctionName,
            ["summary"] = route.Summary,
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "OK (or 201/202/204 as documented in docs/http-api.md)" },
                ["4XX"] = new JsonObject
                {
                    ["description"] = "Problem details",
                    ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/ProblemDetails" } } },
                },
            },
        };
        if (method is "POST" or "PUT")
        {
            operation["requestBody"] = new JsonObject { ["required"] = false, ["content"] = new JsonObject { ["application/json"] = new JsonObject() } };
        }

        // docs/security.md: the role each operation needs, from the same table the hosts enforce.
        operation["x-required-role"] = route.Role is { } role ? Access.ApiRoles.Name(role) : null;
        if (route.Authorization != RouteAuthorization.Anonymous)
        {
            operation["security"] = new JsonArray(new JsonObject { ["functionKeyHeader"] = new JsonArray() }, new JsonObject { ["functionKeyQuery"] = new JsonArray() });
        }

        return operation;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PathParameter();
}
