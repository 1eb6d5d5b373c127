using System.Diagnostics;
using System.Text.RegularExpressions;
using Serverless.Host.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Host.Tests;

/// <summary>Runs the README's curl session, line by line with bash, against the built host process.</summary>
public sealed partial class ReadmeSessionTests
{
    [Fact]
    public async Task ReadmeSession_EveryLine_SucceedsAgainstTheHost()
    {
        var root = RepositoryRoot();
        var lines = SessionLines(await File.ReadAllTextAsync(Path.Combine(root, "README.md")));
        Assert.True(lines.Count >= 9, "The README session block was not found.");
        using var data = new TempFolder("readme");
        const string key = "readme-test-key-0123456789";
        await using var host = await HostProcess.StartAsync(data.Path, key);
        await File.WriteAllTextAsync(Path.Combine(data.Path, "admin.key"), key);
        var outputs = new List<string>();
        var variables = string.Empty;

        foreach (var line in lines)
        {
            var command = line.Replace("http://127.0.0.1:7071", host.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal)
                .Replace("data/admin.key", Path.Combine(data.Path, "admin.key"), StringComparison.Ordinal);
            if (AssignmentLine().IsMatch(command))
            {
                variables += command + "\n";
                continue;
            }

            // A person re-runs a line that came too early (the approval request lands a moment after the start),
            // and re-checks the status until the instance completed before reading its trail.
            var expected = command.Contains("showHistory=true", StringComparison.Ordinal) ? "\"runtimeStatus\":\"Completed\""
                : command.Contains("/api/approvals?", StringComparison.Ordinal) ? "expense-1"
                : string.Empty;
            outputs.Add(await RunUntilSuccessAsync(root, variables + command, o => o.Contains(expected, StringComparison.Ordinal)));
        }

        Assert.Contains("\"id\":\"expense-1\"", outputs[1], StringComparison.Ordinal);
        Assert.Contains("expense-1", outputs[3], StringComparison.Ordinal);
        Assert.Contains("ApprovalDecided", outputs[7], StringComparison.Ordinal);
        Assert.Contains("\"intact\":true", outputs[7], StringComparison.Ordinal);
        Assert.Contains("\"instanceId\":\"expense-1\"", outputs[8], StringComparison.Ordinal);
    }

    private static async Task<string> RunUntilSuccessAsync(string workingDirectory, string script, Func<string, bool> accept)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            var start = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("set -euo pipefail\n" + script);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode == 0 && accept(output))
            {
                return output;
            }

            if (!await every.WaitForNextTickAsync(timeout.Token) || timeout.IsCancellationRequested)
            {
                throw new InvalidOperationException($"README line kept failing: {script}\n{error}");
            }
        }
    }

    private static List<string> SessionLines(string readme)
    {
        var block = SessionBlock().Match(readme);
        return block.Success
            ? block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above the test folder.");
    }

    [GeneratedRegex(@"<!-- readme-session:start -->\s*```bash\n(.*?)```\s*<!-- readme-session:end -->", RegexOptions.Singleline)]
    private static partial Regex SessionBlock();

    [GeneratedRegex(@"^[A-Z_]+=")]
    private static partial Regex AssignmentLine();
}
