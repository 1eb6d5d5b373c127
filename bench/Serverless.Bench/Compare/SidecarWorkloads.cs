using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Serverless.Bench.Compare;

/// <summary>
/// The engine workloads (fanout, chain, hello, timers, events) driven through a <see cref="DurableTaskClient"/> of one
/// of Microsoft's engines, timed exactly as the workloads time our runtime: start to the last completion, except
/// timers (from the due moment) and events (from the first raise, the instance already waiting).
/// </summary>
internal static class SidecarWorkloads
{
    /// <summary>The workloads <c>compare</c> runs, in table order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fanout", "chain", "hello", "timers", "events"];

    /// <summary>Runs <paramref name="workload"/> at size <paramref name="n"/> and returns its seconds.</summary>
    /// <param name="workload">One of <see cref="Names"/>.</param>
    /// <param name="client">The engine's client.</param>
    /// <param name="n">The workload's size.</param>
    /// <param name="timerLead">timers: how long starting one instance may take (all are due once every one has started).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The measured seconds.</returns>
    public static Task<double> RunAsync(string workload, DurableTaskClient client, int n, TimeSpan timerLead, CancellationToken cancellationToken) => workload switch
    {
        "fanout" => SingleAsync(client, "FanOut", n, cancellationToken),
        "chain" => SingleAsync(client, "Chain", n, cancellationToken),
        "hello" => HelloAsync(client, n, cancellationToken),
        "timers" => TimersAsync(client, n, timerLead, cancellationToken),
        "events" => EventsAsync(client, n, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, "unknown workload"),
    };

    private static async Task<double> SingleAsync(DurableTaskClient client, string orchestrator, int n, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, n, cancellationToken);
        var result = await WaitAsync(client, id, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        Expect(result, n);
        return seconds;
    }

    private static async Task<double> HelloAsync(DurableTaskClient client, int n, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, n).Select(i =>
            client.ScheduleNewOrchestrationInstanceAsync("Hello5", i, new StartOrchestrationOptions($"hello-{i}"), cancellationToken)));
        var results = await Task.WhenAll(ids.Select(id => WaitAsync(client, id, cancellationToken)));
        var seconds = clock.Elapsed.TotalSeconds;
        for (var i = 0; i < n; i++)
        {
            Expect(results[i], i + 5);
        }

        return seconds;
    }

    private static async Task<double> TimersAsync(DurableTaskClient client, int n, TimeSpan timerLead, CancellationToken cancellationToken)
    {
        // As TimersWorkload: all timers due at one moment after every instance is created; measured from that moment.
        var dueAt = DateTime.UtcNow.AddSeconds(3) + (timerLead * n);
        var ids = await Task.WhenAll(Enumerable.Range(0, n).Select(i =>
            client.ScheduleNewOrchestrationInstanceAsync("Sleep", dueAt, new StartOrchestrationOptions($"timer-{i}"), cancellationToken)));
        var created = DateTime.UtcNow;
        if (created >= dueAt)
        {
            throw new InvalidOperationException("creating the timers took longer than the lead time; raise it");
        }

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(ids.Select(id => WaitAsync(client, id, cancellationToken)));
        if (results.Any(r => r.RuntimeStatus != OrchestrationRuntimeStatus.Completed))
        {
            throw new InvalidOperationException("a timer orchestration did not complete");
        }

        return Math.Max(clock.Elapsed.TotalSeconds - (dueAt - created).TotalSeconds, 1e-6);
    }

    private static async Task<double> EventsAsync(DurableTaskClient client, int n, CancellationToken cancellationToken)
    {
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Inbox", n, cancellationToken);
        await client.WaitForInstanceStartAsync(id, false, cancellationToken);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, n), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (_, ct) => await client.RaiseEventAsync(id, "item", 1, ct));
        var result = await WaitAsync(client, id, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        Expect(result, n);
        return seconds;
    }

    private static async Task<OrchestrationMetadata> WaitAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(10));
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
    }

    private static void Expect(OrchestrationMetadata result, int output)
    {
        if (result.RuntimeStatus != OrchestrationRuntimeStatus.Completed || result.ReadOutputAs<int>() != output)
        {
            throw new InvalidOperationException(
                $"{result.Name} {result.InstanceId} ended {result.RuntimeStatus} with {result.SerializedOutput}; expected {output}");
        }
    }
}
