using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Reliability;

/// <summary>
/// Durable facts about activity runs, kept per calling instance: how many times an operation was attempted
/// (for failure injection) and the first-run value of an idempotent operation (e.g. the time an audit entry
/// was first written, so a redelivery writes the identical entry).
/// </summary>
public sealed class ActivityRuns
{
    private const int MaxContentionAttempts = 32;
    private readonly ActivityStorage _storage;

    /// <summary>Creates the run log.</summary>
    /// <param name="storage">Where the rows live.</param>
    public ActivityRuns(ActivityStorage storage) => _storage = storage;

    /// <summary>Counts one more attempt of an operation and returns the new count (1 for the first attempt).</summary>
    /// <param name="instanceId">The calling instance.</param>
    /// <param name="operation">The operation's key (activity name and idempotency key).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attempt number.</returns>
    public async Task<long> CountAttemptAsync(string instanceId, string operation, CancellationToken cancellationToken = default)
    {
        var store = await _storage.TableAsync(ActivityTables.ActivityRuns, cancellationToken);
        var (partition, row) = Keys(instanceId, "attempts:" + operation);
        for (var i = 0; i < MaxContentionAttempts; i++)
        {
            var existing = await store.GetAsync(ActivityTables.ActivityRuns, partition, row, cancellationToken);
            try
            {
                if (existing is null)
                {
                    await store.AddAsync(ActivityTables.ActivityRuns, new TableEntity(partition, row) { ["Attempts"] = 1L }, cancellationToken);
                    return 1;
                }

                var next = (existing.GetInt64("Attempts") ?? 0) + 1;
                await store.UpdateAsync(ActivityTables.ActivityRuns, new TableEntity(partition, row) { ["Attempts"] = next }, existing.ETag, TableUpdateMode.Merge, cancellationToken);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another attempt of the same operation raced us; read again.
            }
        }

        throw new InvalidOperationException($"The attempt counter of '{operation}' kept changing.");
    }

    /// <summary>Stores <paramref name="value"/> the first time a fact is recorded and returns the stored value ever after.</summary>
    /// <param name="instanceId">The calling instance.</param>
    /// <param name="fact">The fact's key.</param>
    /// <param name="value">The value to keep if none is stored yet.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored value.</returns>
    public async Task<string> FirstValueAsync(string instanceId, string fact, string value, CancellationToken cancellationToken = default)
    {
        var store = await _storage.TableAsync(ActivityTables.ActivityRuns, cancellationToken);
        var (partition, row) = Keys(instanceId, "fact:" + fact);
        var existing = await store.GetAsync(ActivityTables.ActivityRuns, partition, row, cancellationToken);
        if (existing?.GetString("Value") is { } stored)
        {
            return stored;
        }

        try
        {
            await store.AddAsync(ActivityTables.ActivityRuns, new TableEntity(partition, row) { ["Value"] = value }, cancellationToken);
            return value;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var winner = await store.GetAsync(ActivityTables.ActivityRuns, partition, row, cancellationToken);
            return winner?.GetString("Value") ?? value;
        }
    }

    /// <summary>
    /// Throws <see cref="InjectedFailureException"/> when <paramref name="input"/> asks this attempt to fail.
    /// Counts the attempt durably only when <see cref="DomainActivityInput.FailTimes"/> is set.
    /// </summary>
    /// <param name="context">The activity call.</param>
    /// <param name="input">The input with the failure settings.</param>
    /// <param name="operationKey">The operation's idempotency key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the attempt may proceed.</returns>
    public async Task ThrowIfInjectedAsync(TaskActivityContext context, DomainActivityInput input, string operationKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (input.FailAlways)
        {
            throw new InjectedFailureException(input.FailMessage ?? $"Activity '{context.Name.Name}' was asked to fail on every attempt.");
        }

        if (input.FailTimes is not { } failTimes || failTimes <= 0)
        {
            return;
        }

        var attempt = await CountAttemptAsync(context.InstanceId, context.Name.Name + ":" + operationKey, cancellationToken);
        if (attempt <= failTimes)
        {
            throw new InjectedFailureException(input.FailMessage ?? $"Activity '{context.Name.Name}' failed attempt {attempt} of {failTimes} injected failure(s).");
        }
    }

    private static (string Partition, string Row) Keys(string instanceId, string key) =>
        (TableKeys.Escape(instanceId), TableKeys.Hash(key));
}
