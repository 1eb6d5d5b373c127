using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Serverless.Activities;
using Serverless.Functions.Tests.Guards;
using Serverless.Secrets;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Functions.Tests;

/// <summary>
/// The Functions app's activity bindings, called as the worker calls them (the built app's <c>ActivityFunctions</c>,
/// with a <see cref="FunctionContext"/>, the one boundary faked): secret references resolve and come back masked there too.
/// </summary>
public sealed class ActivityBindingSecretTests : IDisposable
{
    private const string Value = "functions-secret-42af";
    private readonly TempFolder _folder = new("functions-activities");
    private readonly ServiceProvider _services;

    public ActivityBindingSecretTests()
    {
        Directory.CreateDirectory(_folder.Path);
        _services = new ServiceCollection()
            .AddSingleton<ITableStore>(new SqliteTableStore(_folder.File("tables.db"), TimeProvider.System))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection([KeyValuePair.Create<string, string?>("Secrets:SHOP_TOKEN", Value)])
                .Build())
            .AddServerlessActivities()
            .BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task EchoBinding_Reference_ResolvedInsideAndMaskedOnReturn()
    {
        var echo = Binding("Echo");
        var input = JsonNode.Parse("""{ "token": "{{secrets.SHOP_TOKEN}}", "plain": "x" }""");

        var output = await (Task<JsonNode?>)echo.Invoke(null, [input, Context("echo")])!;

        Assert.Equal("***", output!["token"]!.GetValue<string>());
        Assert.Equal("x", output["plain"]!.GetValue<string>());
        Assert.True(_services.GetRequiredService<ISecretSource>().Exists("SHOP_TOKEN"));
    }

    [Fact]
    public async Task FailBinding_Reference_FailureMessageMasked()
    {
        var fail = Binding("Fail");
        var input = Activator.CreateInstance(fail.GetParameters()[0].ParameterType, "token {{secrets.SHOP_TOKEN}} refused", null);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => (Task)fail.Invoke(null, [input, Context("fail")])!);

        Assert.Contains("token *** refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Value, error.ToString(), StringComparison.Ordinal);
    }

    private static MethodInfo Binding(string name) =>
        Assembly.LoadFrom(Path.Combine(FunctionsMetadata.OutputFolder, "Serverless.Functions.dll"))
            .GetType("Serverless.Functions.Bindings.ActivityFunctions", throwOnError: true)!
            .GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;

    private FunctionContext Context(string activity)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(activity);
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(new Dictionary<string, object?> { ["instanceId"] = "f-1" });
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.BindingContext).Returns(binding.Object);
        context.SetupGet(c => c.InstanceServices).Returns(_services);
        return context.Object;
    }
}
