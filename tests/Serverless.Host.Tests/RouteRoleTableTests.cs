using System.Text;
using Serverless.Api.Access;
using Serverless.Api.Routing;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>Every route names the role it needs, the roles fit what the routes do, and docs/security.md shows the same table.</summary>
public sealed class RouteRoleTableTests
{
    private static IEnumerable<(ApiRoute Route, string Prefix)> Routes() =>
        ApiRoutes.All.Select(r => (r, ApiRoutes.Prefix)).Concat(DurableApiRoutes.All.Select(r => (r, DurableApiRoutes.Prefix)));

    [Fact]
    public void Routes_Every_NamesARole()
    {
        var missing = Routes().Where(r => r.Route.Role is null || !Enum.IsDefined(r.Route.Role.Value)).Select(r => r.Route.FunctionName).ToList();

        Assert.True(missing.Count == 0, $"Routes without a role (set ApiRoute.Role in the route table): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Routes_Roles_FitWhatTheRoutesDo()
    {
        foreach (var (route, _) in Routes())
        {
            if (route.Authorization == RouteAuthorization.Anonymous)
            {
                Assert.True(route.Role == ApiRole.Anyone, $"{route.FunctionName} needs no key, so it can need no role.");
            }
            else if (route.Methods.All(m => m == "GET"))
            {
                Assert.True(route.Role is ApiRole.Reader or ApiRole.Anyone, $"{route.FunctionName} only reads; reader is enough.");
            }
            else
            {
                Assert.True(route.Role is not (ApiRole.Reader or ApiRole.Anyone), $"{route.FunctionName} changes something; a reader may not call it.");
            }
        }
    }

    [Fact]
    public void OpenApiDocument_EveryOperation_CarriesItsRoutesRole()
    {
        var roles = Routes().ToDictionary(r => r.Route.FunctionName, r => ApiRoles.Name(r.Route.Role!.Value));
        var operations = Serverless.Api.Operations.OpenApiDocument.Build()["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => m.Value!)).ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, operation =>
        {
            var id = ((string)operation["operationId"]!).Replace("WithoutId", string.Empty, StringComparison.Ordinal);
            Assert.Equal(roles[id], (string?)operation["x-required-role"]);
        });
    }

    [Fact]
    public void SecurityDoc_RouteRoleTable_MatchesTheRouteTable()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "docs", "security.md")).ReplaceLineEndings("\n");
        const string Start = "<!-- route-roles:start -->\n";
        const string End = "<!-- route-roles:end -->";
        var from = doc.IndexOf(Start, StringComparison.Ordinal);
        var to = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "docs/security.md has no route-roles block.");

        Assert.Equal(Table(), doc[(from + Start.Length)..to]);
    }

    /// <summary>The table docs/security.md must hold between its route-roles markers.</summary>
    public static string Table()
    {
        var text = new StringBuilder("| Route | Methods | Role |\n|---|---|---|\n");
        foreach (var (route, prefix) in Routes())
        {
            text.Append($"| `/{prefix}/{route.Route}` ({route.FunctionName}) | {string.Join(", ", route.Methods)} | {ApiRoles.Name(route.Role!.Value)} |\n");
        }

        return text.ToString();
    }

}
