using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Activities;
using Serverless.Api;
using Serverless.Definitions;
using Serverless.Functions.Tests.Guards;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Functions.Tests;

/// <summary>
/// The Functions app creates the product tables when its worker starts (the built app's hosted service, run against a
/// real table store): before it, a new storage account had no table for the first publish or audit write.
/// </summary>
public sealed class ProductTablesStartupTests : IDisposable
{
    private readonly TempFolder _folder = new("functions-tables");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AddServerlessFunctions_Registers_TheTableCreatingHostedService()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("AzureWebJobsStorage", "UseDevelopmentStorage=true")])
            .Build();

        FunctionsType("Serverless.Functions.FunctionsComposition")
            .GetMethod("AddServerlessFunctions", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, [services, configuration]);

        Assert.Contains(services, d => d.ServiceType.FullName == typeof(IHostedService).FullName && d.ImplementationType?.FullName == "Serverless.Functions.ProductTablesStartup");
    }

    [Fact]
    public async Task StartAsync_NewStore_CreatesEveryProductTable()
    {
        Directory.CreateDirectory(_folder.Path);
        var store = new SqliteTableStore(_folder.File("tables.db"), TimeProvider.System);
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ITableStore>(store)
            .AddSingleton(TimeProvider.System)
            .AddServerlessActivities()
            .AddServerlessApi(_ => new ApiOptions())
            .BuildServiceProvider();
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => provider.GetRequiredService<DefinitionStore>().ListAsync());
        var startup = (IHostedService)ActivatorUtilities.CreateInstance(provider, FunctionsType("Serverless.Functions.ProductTablesStartup"));

        await startup.StartAsync(CancellationToken.None);

        Assert.Empty(await provider.GetRequiredService<DefinitionStore>().ListAsync());
        foreach (var table in new[] { DefinitionStore.DefaultTable, "Schedules", "Triggers", "AuditTrail", "AuditByDay" })
        {
            var page = await store.QueryAsync(table, new TableStoreQuery());
            Assert.Empty(page.Items);
        }
    }

    private static Type FunctionsType(string name) =>
        Assembly.LoadFrom(Path.Combine(FunctionsMetadata.OutputFolder, "Serverless.Functions.dll")).GetType(name, throwOnError: true)!;
}
