namespace Serverless.Runtime.Storage;

/// <summary>The store used when none is configured: SQLite in the data folder.</summary>
internal static class DefaultStore
{
    public static IRuntimeStore Create(DurableRuntimeOptions options)
    {
        _ = options;
        throw new NotSupportedException("The SQLite store is being merged.");
    }
}
