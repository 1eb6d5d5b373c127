using Microsoft.DurableTask;
using Serverless.Durable;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Runtime.Execution;
using Serverless.Runtime.History;

namespace Serverless.Runtime;

/// <summary>
/// Replays a stored history against orchestrator code, the way the runtime does after a restart. Use it
/// in tests to prove that a code change is safe for instances already running: a divergence throws
/// <see cref="NonDeterministicOrchestrationException"/> naming the position, the recorded and the new action.
/// </summary>
public static class OrchestrationReplayer
{
    /// <summary>Replays <paramref name="history"/> (one execution, starting with ExecutionStarted).</summary>
    /// <exception cref="ArgumentException">The history does not start an execution.</exception>
    /// <exception cref="NonDeterministicOrchestrationException">The orchestrator diverged from the history.</exception>
    public static void Replay(ITaskOrchestrator orchestrator, IReadOnlyList<HistoryEvent> history, DataConverter? converter = null)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        ArgumentNullException.ThrowIfNull(history);
        var started = history.OfType<ExecutionStarted>().FirstOrDefault()
            ?? throw new ArgumentException("The history has no ExecutionStarted event.", nameof(history));
        var executor = new OrchestrationExecutor(
            "replay", started.ExecutionId, new TaskName(started.Name), started.Version, orchestrator,
            converter ?? PayloadJson.Converter, new RuntimeLimits(), NullLoggerFactory.Instance);
        executor.Replay(history);
    }

    /// <summary>Replays a history stored as a JSON array (the shape <see cref="HistoryJson"/> writes).</summary>
    public static void Replay(ITaskOrchestrator orchestrator, string historyJson, DataConverter? converter = null) =>
        Replay(orchestrator, HistoryJson.DeserializeList(historyJson), converter);
}
