namespace Serverless.Shared.Tests.Workflows;

/// <summary>Locates the repository's samples/ folder by walking up to Serverless.sln.</summary>
internal static class SampleFiles
{
    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
                dir = dir.Parent;
            return dir is null
                ? throw new InvalidOperationException("Serverless.sln not found above the test output folder.")
                : Path.Combine(dir.FullName, "samples");
        }
    }

    public static IEnumerable<string> All() => System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal);

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));
}
