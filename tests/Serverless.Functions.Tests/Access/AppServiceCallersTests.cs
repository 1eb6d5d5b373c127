using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Serverless.Api.Access;
using Serverless.Api.Http;

namespace Serverless.Functions.Tests.Access;

/// <summary>
/// How the Functions app establishes a caller's roles from its app settings, its key and the App Service principal
/// (the resolver the app's route middleware runs; docs/security.md).
/// </summary>
public sealed class AppServiceCallersTests
{
    private const string FunctionKey = "function-key-0123456789abcdef";
    private const string CiKey = "ci-key-0123456789abcdefghij";
    private const string MasterKey = "master-key-0123456789abcdef";

    private static CallerResolver Resolver(Dictionary<string, string?>? settings = null, bool withMasterProbe = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        return new CallerResolver(AppServiceCallers.Options(
            configuration,
            withMasterProbe ? (key, _) => ValueTask.FromResult(key == MasterKey) : null));
    }

    private static HttpRequest Request(string? key = FunctionKey, string? principal = null, string? principalName = null)
    {
        var context = new DefaultHttpContext();
        if (key is not null)
        {
            context.Request.Headers["x-functions-key"] = key;
        }

        if (principal is not null)
        {
            context.Request.Headers[ClientPrincipal.Header] = principal;
        }

        if (principalName is not null)
        {
            context.Request.Headers[CallerIdentity.PrincipalNameHeader] = principalName;
        }

        return context.Request;
    }

    private static string Principal(string? name, params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
    {
        ["auth_typ"] = "aad",
        ["name_typ"] = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        ["role_typ"] = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        ["claims"] = new JsonArray([
            .. name is null ? Array.Empty<JsonNode>() : [new JsonObject { ["typ"] = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", ["val"] = name }],
            .. roles.Select(r => (JsonNode)new JsonObject { ["typ"] = "roles", ["val"] = r })]),
    }.ToJsonString()));

    private static readonly Dictionary<string, string?> AuthOn = new() { [AppServiceCallers.AuthEnabledSetting] = "True" };

    [Fact]
    public async Task ResolveAsync_FunctionKeyWithoutSettings_IsReaderOnly()
    {
        var caller = await Resolver().ResolveAsync(Request(), CancellationToken.None);

        Assert.Equal([ApiRole.Reader], caller.Roles);
        Assert.True(caller.May(ApiRole.Reader));
        Assert.False(caller.May(ApiRole.Operator));
        Assert.False(caller.May(ApiRole.Author));
        Assert.Null(caller.Name);
        Assert.Equal("function key", caller.Via);
    }

    [Fact]
    public async Task ResolveAsync_FunctionKeyRolesSet_GrantsThem()
    {
        var caller = await Resolver(new() { ["FunctionKeyRoles"] = "reader, operator" }).ResolveAsync(Request(), CancellationToken.None);

        Assert.True(caller.May(ApiRole.Operator));
        Assert.False(caller.May(ApiRole.Author));
    }

    [Fact]
    public async Task ResolveAsync_FunctionKeyRolesEmpty_GrantsNothingButAnyone()
    {
        var caller = await Resolver(new() { ["FunctionKeyRoles"] = "" }).ResolveAsync(Request(), CancellationToken.None);

        Assert.Empty(caller.Roles);
        Assert.False(caller.May(ApiRole.Reader));
        Assert.True(caller.May(ApiRole.Anyone));
    }

    [Fact]
    public void Options_FunctionKeyRolesUnknownName_ThrowsNamingTheSetting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Resolver(new() { ["FunctionKeyRoles"] = "reader,superuser" }));

        Assert.Contains("FunctionKeyRoles", e.Message, StringComparison.Ordinal);
        Assert.Contains("superuser", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_PrincipalWithAppRolesWhileAuthOn_AddsThemToTheKeysRoles()
    {
        var caller = await Resolver(AuthOn).ResolveAsync(Request(principal: Principal("dana@example.test", "Author", "Approver", "NotARole")), CancellationToken.None);

        Assert.Equal(new HashSet<ApiRole> { ApiRole.Reader, ApiRole.Author, ApiRole.Approver }, caller.Roles.ToHashSet());
        Assert.Equal("dana@example.test", caller.Name);
        Assert.Equal("principal (aad) and function key", caller.Via);
    }

    [Fact]
    public async Task ResolveAsync_PrincipalWhileAuthOff_NamesButGrantsNothing()
    {
        var caller = await Resolver().ResolveAsync(Request(principal: Principal("mallory", "Admin")), CancellationToken.None);

        Assert.Equal([ApiRole.Reader], caller.Roles);
        Assert.Equal("mallory", caller.Name);
    }

    [Fact]
    public async Task ResolveAsync_PrincipalNameHeader_WinsOverTheClaimsName()
    {
        var caller = await Resolver(AuthOn).ResolveAsync(Request(principal: Principal("Dana Display", "Operator"), principalName: "dana@example.test"), CancellationToken.None);

        Assert.Equal("dana@example.test", caller.Name);
        Assert.True(caller.May(ApiRole.Operator));
    }

    [Fact]
    public async Task ResolveAsync_AppOnlyPrincipal_NamedByItsApplicationId()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"appid","val":"11111111-2222-3333-4444-555555555555"},{"typ":"roles","val":"operator"}]}"""));

        var caller = await Resolver(AuthOn).ResolveAsync(Request(principal: header), CancellationToken.None);

        Assert.Equal("11111111-2222-3333-4444-555555555555", caller.Name);
        Assert.True(caller.May(ApiRole.Operator));
    }

    [Fact]
    public async Task ResolveAsync_NamedKey_GrantsItsRolesAndNamesTheCaller()
    {
        var resolver = Resolver(new() { ["Keys:ci:Key"] = CiKey, ["Keys:ci:Roles"] = "author,operator" });

        var caller = await resolver.ResolveAsync(Request(CiKey), CancellationToken.None);

        Assert.Equal("ci", caller.Name);
        Assert.True(caller.May(ApiRole.Author));
        Assert.True(caller.May(ApiRole.Operator));
        Assert.False(caller.May(ApiRole.Approver));
    }

    [Fact]
    public async Task ResolveAsync_KeyInCodeQuery_IsRecognisedLikeTheHeader()
    {
        var resolver = Resolver(new() { ["Keys:ci:Key"] = CiKey, ["Keys:ci:Roles"] = "operator" });
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString($"?code={CiKey}");

        var caller = await resolver.ResolveAsync(context.Request, CancellationToken.None);

        Assert.Equal("ci", caller.Name);
    }

    [Fact]
    public async Task ResolveAsync_MasterKey_IsAdmin()
    {
        var caller = await Resolver(withMasterProbe: true).ResolveAsync(Request(MasterKey), CancellationToken.None);

        Assert.True(caller.May(ApiRole.Author));
        Assert.True(caller.May(ApiRole.Approver));
        Assert.Equal("master key", caller.Via);
    }

    [Fact]
    public async Task ResolveAsync_MalformedPrincipal_Throws400WithoutEchoingIt()
    {
        var e = await Assert.ThrowsAsync<ApiProblemException>(async () => await Resolver(AuthOn).ResolveAsync(Request(principal: "e30=garbage!"), CancellationToken.None));

        Assert.Equal(400, e.Status);
        Assert.DoesNotContain("garbage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NamedKeyTooShortOrWithoutRoles_ThrowsNamingTheSetting()
    {
        var shortKey = Assert.Throws<InvalidOperationException>(() => Resolver(new() { ["Keys:ci:Key"] = "short", ["Keys:ci:Roles"] = "reader" }));
        var noRoles = Assert.Throws<InvalidOperationException>(() => Resolver(new() { ["Keys:ci:Key"] = CiKey }));

        Assert.Contains("Keys__ci__Key", shortKey.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short", shortKey.Message, StringComparison.Ordinal);
        Assert.Contains("Keys__ci__Roles", noRoles.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_TwoNamedKeysWithOneValue_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Resolver(new()
        {
            ["Keys:a:Key"] = CiKey, ["Keys:a:Roles"] = "reader",
            ["Keys:b:Key"] = CiKey, ["Keys:b:Roles"] = "admin",
        }));

        Assert.Contains("'a' and 'b'", e.Message, StringComparison.Ordinal);
    }
}
