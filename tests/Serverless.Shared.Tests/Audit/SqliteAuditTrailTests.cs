using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Audit;

public sealed class SqliteAuditTrailTests : AuditTrailContractTests
{
    private readonly TempFolder _folder = new("audit");

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    protected override Task<ITableStore> CreateStoreAsync() =>
        Task.FromResult<ITableStore>(new SqliteTableStore(_folder.File("audit.db"), Clock));
}
