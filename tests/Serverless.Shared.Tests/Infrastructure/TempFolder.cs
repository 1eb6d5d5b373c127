using Microsoft.Data.Sqlite;

namespace Serverless.Tests.Infrastructure;

/// <summary>A fresh folder under the temp path for SQLite files, removed (pools cleared first) on dispose.</summary>
public sealed class TempFolder(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"serverless-{prefix}-{Guid.NewGuid():N}");

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
