using Microsoft.Extensions.Time.Testing;
using Serverless.Runtime.Registration;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Storage.Memory;
using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Runtime.Tests.Engine;

/// <summary>
/// Engine tests run once per store: the in-memory store here, SQLite in a temp file in each
/// <c>Sqlite*</c> subclass, so every behaviour is proven on the store the product uses.
/// </summary>
public abstract class EngineTestBase : IDisposable
{
    private readonly List<string> _folders = [];

    protected virtual IRuntimeStore NewStore() => new InMemoryRuntimeStore();

    protected Task<DurableRuntime> StartAsync(TaskRegistry registry, FakeTimeProvider? time = null, int cacheSize = 10_000, RuntimeLimits? limits = null) =>
        RuntimeHarness.StartAsync(registry, NewStore(), time, cacheSize, limits);

    protected IRuntimeStore NewSqliteStore()
    {
        var folder = Path.Combine(Path.GetTempPath(), "serverless-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        return new SqliteRuntimeStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "hub.db") });
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A store still closing keeps its file a moment longer; the temp folder is cleaned by the OS.
            }
        }

        GC.SuppressFinalize(this);
    }
}
