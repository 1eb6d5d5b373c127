using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Triggers;

[RequiresAzurite]
public sealed class AzureTriggerStoreTests : TriggerStoreContractTests
{
    public override async Task DisposeAsync()
    {
        if (AzuriteEnvironment.SkipReason is null)
        {
            await AzuriteEnvironment.CreateServiceClient().DeleteTableAsync(Table);
        }
    }

    protected override Task<ITableStore> CreateStoreAsync() =>
        Task.FromResult<ITableStore>(new AzureTableStore(AzuriteEnvironment.CreateServiceClient()));
}
