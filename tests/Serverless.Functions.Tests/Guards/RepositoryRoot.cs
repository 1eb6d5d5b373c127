namespace Serverless.Functions.Tests.Guards;

/// <summary>Finds the repository root (the folder holding <c>Serverless.sln</c>) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    /// <summary>The root folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Serverless.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Serverless.sln above {AppContext.BaseDirectory}.");
    }
}
