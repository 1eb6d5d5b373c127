using System.Security.Cryptography;
using System.Text;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// Proof of life for the processes sharing one SQLite file: each registered owner holds an exclusive lock on a
/// file of its own in <c>&lt;database&gt;.owners/</c> for as long as it runs. The operating system drops that lock
/// when the process ends, however it ends (kill -9 included), so another process that can take the lock knows the
/// owner is gone and may free its leases at once. SQLite in WAL mode needs every process on one machine, so a
/// machine-local file lock reaches every process that can share the database.
/// </summary>
internal sealed class OwnerLockFiles(string databasePath)
{
    private const string Extension = ".lock";
    private readonly string _folder = databasePath + ".owners";

    /// <summary>Takes the owner's lock file; the lock lasts until the handle is disposed or the process ends.</summary>
    public IAsyncDisposable Register(string owner)
    {
        Directory.CreateDirectory(_folder);

        // FileShare.None is an exclusive advisory lock (flock on Unix, a share lock on Windows) that another open
        // with FileShare.None cannot get while this handle lives, in this process or any other.
        var stream = new FileStream(PathOf(owner), FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        try
        {
            stream.Write(Encoding.UTF8.GetBytes(owner));
            stream.Flush(flushToDisk: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return stream;
    }

    /// <summary>
    /// Runs <paramref name="release"/> for each registered owner whose lock is free (its process is gone), holding the
    /// lock meanwhile so two processes never reclaim one owner at once, then removes its file. Returns those owners.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReclaimAsync(Func<string, Task> release)
    {
        if (!Directory.Exists(_folder))
        {
            return [];
        }

        var reclaimed = new List<string>();
        foreach (var path in Directory.EnumerateFiles(_folder, "*" + Extension))
        {
            if (TryTakeLock(path) is not { } stream)
            {
                continue;
            }

            await using (stream)
            {
                var owner = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
                if (owner.Length > 0)
                {
                    await release(owner);
                    reclaimed.Add(owner);
                }

                File.Delete(path);
            }
        }

        return reclaimed;
    }

    private static FileStream? TryTakeLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (FileNotFoundException)
        {
            return null; // reclaimed by another process meanwhile
        }
        catch (IOException)
        {
            return null; // the owner holds its lock: alive
        }
        catch (UnauthorizedAccessException)
        {
            return null; // not ours to judge
        }
    }

    /// <summary>The lock file of <paramref name="owner"/>.</summary>
    internal string PathOf(string owner) =>
        Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(owner)))[..32] + Extension);
}
