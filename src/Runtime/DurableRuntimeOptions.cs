using Microsoft.DurableTask;
using Serverless.Durable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime;

/// <summary>How the embedded runtime runs; <c>HostJsonSettings</c> fills these from host.json.</summary>
public sealed record DurableRuntimeOptions
{
    /// <summary>The task hub name; also names the SQLite file when no store is given.</summary>
    public string HubName { get; init; } = "DurableHub";

    /// <summary>The store (the runtime disposes it when it stops); null for SQLite at <see cref="DataDirectory"/>/&lt;hub&gt;.db.</summary>
    public IRuntimeStore? Store { get; init; }

    /// <summary>Folder of the default SQLite file.</summary>
    public string DataDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>Most activities running at once in this process (host.json maxConcurrentActivityFunctions).</summary>
    public int MaxConcurrentActivityFunctions { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>Most orchestration episodes running at once in this process (host.json maxConcurrentOrchestratorFunctions).</summary>
    public int MaxConcurrentOrchestratorFunctions { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>How long a lease on an instance or activity lasts without renewal; a crashed process's work is retaken after it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the store is read for work other processes left or sent (recovery, not the hot path).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most instances kept replayed in memory; the least recently used are evicted.</summary>
    public int InstanceCacheSize { get; init; } = 10_000;

    /// <summary>Payload and history limits.</summary>
    public RuntimeLimits Limits { get; init; } = new();

    /// <summary>The clock for timers, leases and timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Serializes inputs, outputs and payloads.</summary>
    public DataConverter DataConverter { get; init; } = PayloadJson.Converter;

    /// <summary>Logging.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>This process's lease owner name; unique by default.</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> for a bad setting.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(HubName, nameof(HubName));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentActivityFunctions, 1, nameof(MaxConcurrentActivityFunctions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentOrchestratorFunctions, 1, nameof(MaxConcurrentOrchestratorFunctions));
        ArgumentOutOfRangeException.ThrowIfLessThan(LeaseDuration, TimeSpan.FromMilliseconds(100), nameof(LeaseDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(PollInterval, TimeSpan.FromMilliseconds(10), nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(InstanceCacheSize, 0, nameof(InstanceCacheSize));
        Limits.Validate();
    }
}
