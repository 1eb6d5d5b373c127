using Azure.Data.Tables;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Audit;

[RequiresAzurite]
public sealed class AzureAuditTrailTests : AuditTrailContractTests
{
    public override async Task DisposeAsync()
    {
        if (AzuriteEnvironment.SkipReason is null)
        {
            var service = AzuriteEnvironment.CreateServiceClient();
            await service.DeleteTableAsync(Options.TrailTable);
            await service.DeleteTableAsync(Options.DayIndexTable);
        }
    }

    [StoreFact]
    public async Task TableClient_DocumentedQuery_ReadsOneInstancesTrailInSeqOrder()
    {
        var types = Enumerable.Range(0, 40).Select(i => $"E{(i * 7) % 40:D2}").ToList();
        foreach (var type in types)
        {
            await Trail.AppendAsync(Entry("expense-1", type, T0));
        }

        // The query docs/storage.md gives, run with the Azure SDK as any user would.
        var table = AzuriteEnvironment.CreateServiceClient().GetTableClient(Options.TrailTable);
        var rows = await table.QueryAsync<TableEntity>("PartitionKey eq 'expense-1' and RowKey lt 'a'").ToListAsync();

        Assert.Equal(types, rows.Select(r => r.GetString("EventType")));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => i.ToString("D19")), rows.Select(r => r.RowKey));
    }

    protected override Task<ITableStore> CreateStoreAsync() =>
        Task.FromResult<ITableStore>(new AzureTableStore(AzuriteEnvironment.CreateServiceClient()));
}
