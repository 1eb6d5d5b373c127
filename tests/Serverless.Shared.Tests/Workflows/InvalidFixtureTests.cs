using Serverless.Workflows;
using Serverless.Workflows.Parsing;
using Serverless.Workflows.Validation;

namespace Serverless.Shared.Tests.Workflows;

/// <summary>
/// Each file in Fixtures/Invalid has a sibling <c>.expected</c> file listing, one per line, the exact located
/// diagnostics it must produce: <c>CODE PATH LINE:COLUMN MESSAGE</c>.
/// </summary>
public class InvalidFixtureTests
{
    private static readonly ValidationOptions Options = new()
    {
        ActivityRegistry = WellKnownActivities.All,
        TagsRequiringApproval = new HashSet<string> { "finance" },
        MaxTimeout = TimeSpan.FromDays(30),
    };

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(FixtureDirectory).Where(f => !f.EndsWith(".expected", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Compile_InvalidFixture_YieldsExpectedLocatedMessages(string fileName)
    {
        // Arrange
        var path = Path.Combine(FixtureDirectory, fileName);
        var format = fileName.EndsWith(".yaml", StringComparison.Ordinal) ? SourceFormat.Yaml : SourceFormat.Json;
        var expected = File.ReadAllLines(path + ".expected").Where(l => l.Length > 0).ToList();

        // Act
        var actual = WorkflowCompiler.Compile(File.ReadAllText(path), Options, format).Diagnostics
            .Select(d => $"{d.Code} {d.Path} {d.Position} {d.Message}")
            .ToList();

        // Assert
        Assert.Equal(expected, actual);
    }

    private static string FixtureDirectory => Path.Combine(Path.GetDirectoryName(SampleFiles.Directory)!, "tests", "Serverless.Shared.Tests", "Workflows", "Fixtures", "Invalid");
}
