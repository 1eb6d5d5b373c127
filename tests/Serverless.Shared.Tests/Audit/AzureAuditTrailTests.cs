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

    protected override Task<ITableStore> CreateStoreAsync() =>
        Task.FromResult<ITableStore>(new AzureTableStore(AzuriteEnvironment.CreateServiceClient()));
}
