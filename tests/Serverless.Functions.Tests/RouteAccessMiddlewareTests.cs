using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Audit;
using Serverless.Functions.Tests.Guards;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Functions.Tests;

/// <summary>
/// The Functions app's role check (the built app's <c>RouteAccessMiddleware</c> decision, with its own composition and a
/// real request): a plain function key holds <c>FunctionKeyRoles</c> (reader by default), so a publish is refused,
/// audited, and answered with a 403 problem; a read and non-product functions go through.
/// </summary>
public sealed class RouteAccessMiddlewareTests : IDisposable
{
    private readonly TempFolder _folder = new("functions-access");
    private readonly ServiceProvider _services;
    private readonly SqliteTableStore _store;

    public RouteAccessMiddlewareTests()
    {
        Directory.CreateDirectory(_folder.Path);
        _store = new SqliteTableStore(_folder.File("tables.db"), TimeProvider.System);
        var services = new ServiceCollection().AddLogging();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("AzureWebJobsStorage", "UseDevelopmentStorage=true")])
            .Build();
        FunctionsType("Serverless.Functions.FunctionsComposition")
            .GetMethod("AddServerlessFunctions", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, [services, configuration]);
        services.AddSingleton<ITableStore>(_store);
        _services = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Refusal_FunctionKeyOnPublish_403ProblemAudited()
    {
        await _services.GetRequiredService<AuditTrail>().EnsureCreatedAsync();
        var http = Request("POST", "/api/definitions");

        var result = await RefusalAsync("PublishDefinition", http);

        var answer = new DefaultHttpContext { RequestServices = _services };
        answer.Response.Body = new MemoryStream();
        await Assert.IsAssignableFrom<IActionResult>(result).ExecuteResultAsync(
            new ActionContext(answer, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        Assert.Equal(403, answer.Response.StatusCode);
        Assert.StartsWith("application/problem+json", answer.Response.ContentType, StringComparison.Ordinal);
        answer.Response.Body.Position = 0;
        Assert.Contains("author", await new StreamReader(answer.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
        var refusal = Assert.Single(await _services.GetRequiredService<AuditTrail>().ReadTrailAsync(AuditStreams.Access).ToListAsync());
        Assert.Contains("PublishDefinition", refusal.Entry.DetailsJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ListDefinitions", "GET", "/api/definitions")]
    [InlineData("Health", "GET", "/api/health")]
    [InlineData("RunWorkflowActivity", "POST", "/not-a-product-route")]
    public async Task Refusal_ReadOrNonProductFunction_LetsItRun(string function, string method, string path) =>
        Assert.Null(await RefusalAsync(function, Request(method, path)));

    private async Task<object?> RefusalAsync(string function, HttpContext http)
    {
        var middleware = FunctionsType("Serverless.Functions.RouteAccessMiddleware");
        var guard = _services.GetRequiredService(typeof(Serverless.Api.Access.RouteGuard));
        var task = (Task)middleware.GetMethod("RefusalAsync", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [guard, function, http])!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private DefaultHttpContext Request(string method, string path)
    {
        var http = new DefaultHttpContext { RequestServices = _services };
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.Headers["x-functions-key"] = "a-plain-function-key-0123456789";
        return http;
    }

    private static Type FunctionsType(string name) =>
        Assembly.LoadFrom(Path.Combine(FunctionsMetadata.OutputFolder, "Serverless.Functions.dll")).GetType(name, throwOnError: true)!;
}
