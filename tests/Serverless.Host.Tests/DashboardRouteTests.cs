using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Serverless.Api.Dashboard;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>How the host serves the dashboard's files and tells the dashboard who the caller is.</summary>
public sealed class DashboardRouteTests : IAsyncLifetime
{
    private readonly TestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/dashboard", "/dashboard/")]
    [InlineData("/api/dashboard", "/api/dashboard/")]
    [InlineData("/", "/dashboard/")]
    public async Task Dashboard_FolderWithoutSlashOrSiteRoot_RedirectsToDashboardFolder(string path, string location)
    {
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/api/dashboard/")]
    public async Task Dashboard_Folder_ServesPageAnonymouslyWithStrictPolicy(string path)
    {
        var response = await _host.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"js/app.js\"></script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Dashboard_EveryEmbeddedFile_ServedWithItsTypeAndRevalidatedByETag()
    {
        Assert.Contains("js/app.js", DashboardFiles.Paths);
        Assert.Contains("app.css", DashboardFiles.Paths);
        foreach (var file in DashboardFiles.Paths)
        {
            var response = await _host.Anonymous.GetAsync($"/dashboard/{file}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, file);
            var expected = Path.GetExtension(file) switch { ".js" => "text/javascript", ".css" => "text/css", ".html" => "text/html", _ => null };
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);

            using var again = new HttpRequestMessage(HttpMethod.Get, $"/dashboard/{file}");
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await _host.Anonymous.SendAsync(again)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/dashboard/nope.js")]
    [InlineData("/dashboard/..%2Fapi%2Fhealth")]
    [InlineData("/dashboard/js%2F..%2F..%2FServerless.Api.dll")]
    public async Task Dashboard_UnknownFile_Returns404Problem(string path)
    {
        var response = await _host.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Me_WithPrincipalHeader_ReturnsThatName()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("x-ms-client-principal-name", "manager.alice");
        request.Headers.Add("x-ms-client-principal-idp", "aad");

        var body = await TestHost.ReadJsonAsync(await _host.Client.SendAsync(request));

        Assert.Equal("manager.alice", (string?)body["name"]);
        Assert.True((bool)body["signedIn"]!);
        Assert.Equal("aad", (string?)body["identityProvider"]);
    }

    [Fact]
    public async Task Me_WithoutPrincipal_ReturnsNotSignedIn()
    {
        var body = await TestHost.ReadJsonAsync(await _host.Client.GetAsync("/api/me"));

        Assert.Null((string?)body["name"]);
        Assert.False((bool)body["signedIn"]!);
    }

    [Fact]
    public async Task OpenApi_DashboardCatchAll_DescribedAsPathParameter()
    {
        var document = await TestHost.ReadJsonAsync(await _host.Anonymous.GetAsync("/api/openapi.json"));

        var operation = document["paths"]!["/api/dashboard/{path}"]!["get"]!;
        Assert.Equal("Dashboard", (string?)operation["operationId"]);
        Assert.Equal("path", (string?)operation["parameters"]![0]!["name"]);
        Assert.Null(document["paths"]!["/api/dashboard/{*path}"]);
    }

    [Fact]
    public async Task Me_WithoutKey_Returns401()
    {
        await TestHost.ReadProblemAsync(await _host.Anonymous.GetAsync("/api/me"), 401);
    }

    [Fact]
    public async Task Me_LocalPrincipalSetting_NamesCallersWithoutHeaderOnly()
    {
        await using var host = new TestHost(settings: new Dictionary<string, string?> { ["LocalPrincipal"] = "manager.alice" });

        var plain = await TestHost.ReadJsonAsync(await host.Client.GetAsync("/api/me"));
        using var named = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        named.Headers.Add("x-ms-client-principal-name", "manager.bob");
        var explicitName = await TestHost.ReadJsonAsync(await host.Client.SendAsync(named));
        var inbox = await host.Client.GetAsync("/api/approvals");

        Assert.Equal("manager.alice", (string?)plain["name"]);
        Assert.Equal("manager.bob", (string?)explicitName["name"]);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }

    [Fact]
    public async Task Approvals_NoLocalPrincipalAndNoHeader_Returns401()
    {
        await TestHost.ReadProblemAsync(await _host.Client.GetAsync("/api/approvals"), 401);
    }
}
