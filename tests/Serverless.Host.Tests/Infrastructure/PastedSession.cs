using System.Diagnostics;

namespace Serverless.Host.Tests.Infrastructure;

/// <summary>
/// A shell session from the docs, run as a reader would paste it: against a host started on an ephemeral port, with
/// the admin key file in that host's data folder.
/// </summary>
internal static class PastedSession
{
    /// <summary>Runs <paramref name="lines"/> in bash (<c>set -euo pipefail</c>) from the repository root.</summary>
    /// <param name="lines">The session's lines, as the docs show them (host <c>http://127.0.0.1:7071</c>, key in <c>data/admin.key</c>).</param>
    /// <param name="host">The running host.</param>
    /// <param name="dataFolder">The host's data folder, holding <c>admin.key</c>.</param>
    /// <returns>The exit code, standard output and standard error.</returns>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> lines, Uri host, string dataFolder)
    {
        var script = string.Join('\n', lines.Select(line => line
            .Replace("http://127.0.0.1:7071", host.ToString().TrimEnd('/'), StringComparison.Ordinal)
            .Replace("data/admin.key", Path.Combine(dataFolder, "admin.key"), StringComparison.Ordinal)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Serverless.Tests.Infrastructure.RepositoryFolder.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -euo pipefail\n" + script);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
