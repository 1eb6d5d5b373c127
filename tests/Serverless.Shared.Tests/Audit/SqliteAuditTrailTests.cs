using Serverless.Storage;

namespace Serverless.Tests.Audit;

public sealed class SqliteAuditTrailTests : AuditTrailContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "serverless-audit-" + Guid.NewGuid().ToString("N"));

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    protected override Task<ITableStore> CreateStoreAsync() =>
        Task.FromResult<ITableStore>(new SqliteTableStore(Path.Combine(_folder, "audit.db"), Clock));
}
