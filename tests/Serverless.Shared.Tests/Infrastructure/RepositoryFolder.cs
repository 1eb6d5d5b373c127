namespace Serverless.Tests.Infrastructure;

/// <summary>The repository's root folder (the one holding <c>Serverless.sln</c>), found above the test output folder.</summary>
public static class RepositoryFolder
{
    /// <summary>The root folder.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path below the root.</summary>
    /// <param name="parts">The path's parts.</param>
    /// <returns>The full path.</returns>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above the test output folder.");
    }
}
