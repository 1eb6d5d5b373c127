using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Tests.Triggers;

public sealed class SqliteTriggerStoreTests : TriggerStoreContractTests
{
    private readonly TempFolder _folder = new("triggers");

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    protected override Task<ITableStore> CreateStoreAsync() =>
        Task.FromResult<ITableStore>(new SqliteTableStore(_folder.File("triggers.db"), TimeProvider.System));
}
