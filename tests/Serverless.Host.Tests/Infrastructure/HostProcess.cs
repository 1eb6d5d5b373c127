using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Serverless.Host.Tests.Infrastructure;

/// <summary>
/// The built host (<c>dotnet Serverless.Host.dll</c>) as a separate process on 127.0.0.1:0, for crash tests. Leases
/// last ten minutes, so a host started after a killed one finishes the work in time only by proving the killed one gone.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(string dataDirectory, string adminKey)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Serverless.Host.dll");
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--DataDirectory", dataDirectory, "--AdminKey", adminKey, "--LeaseDuration", "00:10:00", "--ScheduleTickCron", "0 0 0 1 1 *" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ListeningLine().Match(line) is { Success: true } m)
            {
                _listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The host exited with code {_process.ExitCode} before listening."));
        _process.EnableRaisingEvents = true;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    public static async Task<HostProcess> StartAsync(string dataDirectory, string adminKey)
    {
        var host = new HostProcess(dataDirectory, adminKey);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        host.BaseAddress = await host._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>Kills the process at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"^Listening on (http://127\.0\.0\.1:\d+)/api ")]
    private static partial Regex ListeningLine();
}
