using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Serverless.Bench.Workloads;

/// <summary>
/// The local host over HTTP: the built host process on SQLite in a temp folder, a published 3-step workflow, then
/// (1) start→complete latency of sequential runs (start, then poll the Durable status route until 200), and
/// (2) n starts sent by 16 concurrent clients: starts/s until every instance completed.
/// </summary>
internal sealed partial class HostHttpWorkload : IWorkload
{
    private const string Key = "bench-key-0123456789abcdef";
    private const int Clients = 16;
    private static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(20);

    private const string ThreeSteps = """
        { "name": "bench-three", "version": 1,
          "steps": [
            { "id": "one", "kind": "activity", "activity": "echo", "input": { "n": 1 } },
            { "id": "two", "kind": "activity", "activity": "echo", "input": { "n": 2 } },
            { "id": "three", "kind": "activity", "activity": "echo", "input": { "n": 3 } } ] }
        """;

    public string Name => "host-http";

    public string Description => "local host over HTTP: 3-step workflow start->complete p50/p99 and sustained starts/s";

    public async Task<BenchResult> RunAsync(int n, CancellationToken cancellationToken)
    {
        var data = Path.Combine(Path.GetTempPath(), $"serverless-bench-http-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        using var host = StartHost(data, out var baseAddress);
        try
        {
            using var http = new HttpClient { BaseAddress = await baseAddress.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken) };
            http.DefaultRequestHeaders.Add("x-functions-key", Key);
            (await http.PostAsync("/api/definitions", new StringContent(ThreeSteps, Encoding.UTF8, "application/json"), cancellationToken)).EnsureSuccessStatusCode();

            var latencies = new List<double>();
            var sequential = Math.Clamp(n / 10, 20, 500);
            for (var i = 0; i < sequential + 10; i++)
            {
                var clock = Stopwatch.StartNew();
                var id = await StartAsync(http, cancellationToken);
                while ((await http.GetAsync($"/runtime/webhooks/durabletask/instances/{id}", cancellationToken)).StatusCode != System.Net.HttpStatusCode.OK)
                {
                }

                if (i >= 10)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            var ids = new ConcurrentBag<string>();
            host.Refresh();
            var hostCpuBefore = host.TotalProcessorTime;
            var load = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < n)
                {
                    ids.Add(await StartAsync(http, cancellationToken));
                }
            }));
            // Rounds over the unfinished ones with a pause between rounds: a tight poll of thousands of ids would take
            // the host's CPU from the work it is measured on.
            var pending = ids.ToList();
            while (pending.Count > 0)
            {
                var done = new ConcurrentBag<string>();
                await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (id, ct) =>
                {
                    if ((await http.GetAsync($"/runtime/webhooks/durabletask/instances/{id}", ct)).StatusCode == System.Net.HttpStatusCode.OK)
                    {
                        done.Add(id);
                    }
                });
                pending = [.. pending.Except(done)];
                if (pending.Count > 0)
                {
                    await Task.Delay(PollPause, cancellationToken);
                }
            }

            var seconds = load.Elapsed.TotalSeconds;
            host.Refresh();
            var hostCpu = host.TotalProcessorTime - hostCpuBefore;
            var (p50, p99) = Percentiles.Of(latencies);
            Console.WriteLine($"host-http: {sequential} sequential runs measured; {n} concurrent starts ({Clients} clients) all completed in {seconds:0.00} s");
            Console.WriteLine(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"host_cpu_seconds={hostCpu.TotalSeconds:0.000} host_cpu_ms_per_workflow={hostCpu.TotalMilliseconds / n:0.000} (the host process during the concurrent phase)"));
            return new BenchResult(Name, n, seconds, n / seconds, p50, p99);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(cancellationToken);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> StartAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var response = await http.PostAsync("/api/workflows/bench-three/instances", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return (string)body!["id"]!;
    }

    private static Process StartHost(string data, out Task<Uri> baseAddress)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = data, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Serverless.Host.dll"), "--urls", "http://127.0.0.1:0", "--DataDirectory", data, "--AdminKey", Key, "--Logging:LogLevel:Default", "Warning" })
        {
            start.ArgumentList.Add(arg);
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ListeningLine().Match(line) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        baseAddress = listening.Task;
        return process;
    }

    [GeneratedRegex(@"^Listening on (http://127\.0\.0\.1:\d+)/api ")]
    private static partial Regex ListeningLine();
}
