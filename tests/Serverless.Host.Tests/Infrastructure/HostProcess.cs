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
    private readonly List<string> _output = [];
    private readonly SemaphoreSlim _outputChanged = new(0);

    private HostProcess(string dataDirectory, string adminKey, IEnumerable<string> extraArgs)
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
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--DataDirectory", dataDirectory, "--AdminKey", adminKey, "--LeaseDuration", "00:10:00", "--ScheduleTickCron", "0 0 0 1 1 *" }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (_output)
            {
                _output.Add(line);
            }

            _outputChanged.Release();
            if (ListeningLine().Match(line) is { Success: true } m)
            {
                _listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The host exited with code {_process.ExitCode} before listening."));
        _process.EnableRaisingEvents = true;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>Every line the host printed so far.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public static async Task<HostProcess> StartAsync(string dataDirectory, string adminKey, params string[] extraArgs)
    {
        var host = new HostProcess(dataDirectory, adminKey, extraArgs);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        host.BaseAddress = await host._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>Waits until the host has printed a line that matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Output.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await _outputChanged.WaitAsync(timeout.Token);
        }
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
        _outputChanged.Dispose();
    }

    [GeneratedRegex(@"^Listening on (http://127\.0\.0\.1:\d+)/api ")]
    private static partial Regex ListeningLine();
}
