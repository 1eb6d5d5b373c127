using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Storage;

/// <summary>The contract against a real Azurite through our Table client.</summary>
[RequiresAzurite]
public sealed class AzureTableStoreTests : TableStoreContractTests
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
