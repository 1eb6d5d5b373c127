using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Durable;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Client;

/// <content>Reading, waiting on, querying and purging instances.</content>
internal sealed partial class RuntimeDurableTaskClient
{
    private const int PurgeBatchSize = 500;

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var record = await _store.GetInstanceAsync(instanceId, cancellation);
        return record is null ? null : ToMetadata(record, getInputsAndOutputs);
    }

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, s => s != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitForAsync(instanceId, getInputsAndOutputs, s => s.IsTerminal(), cancellation);

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        filter ??= new OrchestrationQuery();
        if (filter.PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), filter.PageSize, "The page size must be between 1 and 1000.");
        }

        var instanceFilter = ToFilter(filter.CreatedFrom, filter.CreatedTo, filter.Statuses, filter.InstanceIdPrefix);
        return Pageable.Create(async (token, pageSize, cancellation) =>
        {
            var page = await _store.QueryInstancesAsync(instanceFilter, pageSize ?? filter.PageSize, token ?? filter.ContinuationToken, cancellation);
            return new Page<OrchestrationMetadata>(
                page.Instances.Select(r => ToMetadata(r, filter.FetchInputsAndOutputs)).ToList(), page.ContinuationToken);
        });
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var record = await _store.GetInstanceAsync(instanceId, cancellation);
        if (record is null)
        {
            return new PurgeResult(0);
        }

        if (!record.Status.IsTerminal())
        {
            throw new OrchestrationStateException(instanceId, record.Status, $"Instance '{instanceId}' is {record.Status}; only a finished instance can be purged.");
        }

        var ids = new List<string> { instanceId };
        if (options?.Recursive == true)
        {
            await CollectDescendantsAsync(instanceId, ids, cancellation);
        }

        return new PurgeResult(await _store.PurgeInstancesAsync(ids, cancellation));
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        IEnumerable<OrchestrationRuntimeStatus> wanted = filter.Statuses?.ToList() is { Count: > 0 } statuses ? statuses : Enum.GetValues<OrchestrationRuntimeStatus>();
        var terminal = wanted.Where(s => s.IsTerminal()).ToList();
        if (terminal.Count == 0)
        {
            return new PurgeResult(0);
        }

        var instanceFilter = ToFilter(filter.CreatedFrom, filter.CreatedTo, terminal, null);
        var purged = 0;
        string? token = null;
        do
        {
            var page = await _store.QueryInstancesAsync(instanceFilter, PurgeBatchSize, token, cancellation);
            var ids = page.Instances.Select(r => r.InstanceId).ToList();
            if (options?.Recursive == true)
            {
                foreach (var id in ids.ToList())
                {
                    await CollectDescendantsAsync(id, ids, cancellation);
                }
            }

            purged += await _store.PurgeInstancesAsync(ids, cancellation);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return new PurgeResult(purged);
    }

    private async Task<OrchestrationMetadata> WaitForAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationRuntimeStatus, bool> done, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);

        // Subscribe before reading, so no change between the read and the wait is missed.
        using var changes = _runtime.Watchers.Subscribe(instanceId);
        while (true)
        {
            var record = await _store.GetInstanceAsync(instanceId, cancellation) ?? throw new OrchestrationNotFoundException(instanceId);
            if (done(record.Status))
            {
                return ToMetadata(record, getInputsAndOutputs);
            }

            // A local commit tells the new status: keep waiting without a read until it may be the one wanted.
            OrchestrationRuntimeStatus? status;
            do
            {
                status = await changes.NextAsync(cancellation);
            }
            while (status is { } known && !done(known));
        }
    }

    private async Task CollectDescendantsAsync(string instanceId, List<string> into, CancellationToken cancellation)
    {
        foreach (var child in await _store.GetChildInstanceIdsAsync(instanceId, cancellation))
        {
            into.Add(child);
            await CollectDescendantsAsync(child, into, cancellation);
        }
    }

    private static InstanceFilter ToFilter(
        DateTimeOffset? from, DateTimeOffset? to, IEnumerable<OrchestrationRuntimeStatus>? statuses, string? prefix) => new()
    {
        CreatedFrom = from,
        CreatedTo = to,
        Statuses = statuses?.ToList(),
        InstanceIdPrefix = string.IsNullOrEmpty(prefix) ? null : prefix,
    };

    private OrchestrationMetadata ToMetadata(InstanceRecord record, bool withPayloads) => new(record.Name, record.InstanceId)
    {
        RuntimeStatus = record.Status,
        CreatedAt = record.CreatedAt,
        LastUpdatedAt = record.LastUpdatedAt,
        SerializedInput = withPayloads ? record.Input : null,
        SerializedOutput = withPayloads ? record.Output : null,
        SerializedCustomStatus = withPayloads ? record.CustomStatus : null,
        FailureDetails = record.FailureDetails,
        DataConverter = _options.DataConverter,
    };
}
