using System.Text;
using Serverless.Host.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>A malformed body is reported at its 1-based line and column, in characters, with no reader jargon.</summary>
public sealed class MalformedJsonTests : IAsyncLifetime
{
    private readonly TestHost _host = new();

    public async Task InitializeAsync() => await _host.PublishOkAsync(TestWorkflows.Echo);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("{\n  \"text\": \"a\",\n}", 3, 1, "trailing comma")]
    [InlineData("{\"text\": \"ééé\" x}", 1, 16, "'x' is invalid after a value")]
    [InlineData("{\n  // note\n  \"text\": \"a\"\n}", 2, 3, "'/' is invalid")]
    public async Task Start_MalformedBody_Returns400AtTheRightLineAndColumn(string body, int line, int column, string reason)
    {
        var response = await _host.Client.PostAsync("/api/workflows/echo-flow/instances/bad-json", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await TestHost.ReadProblemAsync(response, 400);
        var detail = (string?)problem["detail"];
        Assert.Equal((line, column), ((int)problem["line"]!, (int)problem["column"]!));
        Assert.Contains($"Line {line}, column {column}", detail, StringComparison.Ordinal);
        Assert.True(detail!.Contains(reason, StringComparison.OrdinalIgnoreCase), detail);
        Assert.DoesNotContain("reader options", detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("LineNumber", detail, StringComparison.Ordinal);
        Assert.Null(await _host.Durable.GetInstanceAsync("bad-json"));
    }

    [Fact]
    public async Task Publish_MalformedDefinition_LocatesTheErrorAsItsFieldsSay()
    {
        var response = await _host.PublishAsync("{\n  \"name\": \"x\",\n  \"version\": 1,\n}");

        var problem = await TestHost.ReadProblemAsync(response, 400);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal((4, 1), ((int)error["line"]!, (int)error["column"]!));
        Assert.DoesNotContain("reader options", (string?)error["message"], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("LineNumber", (string?)error["message"], StringComparison.Ordinal);
    }
}
