using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Api.Http;
using Serverless.Api.Workflows;
using Serverless.Durable;
using Serverless.Schedules;
using Serverless.Workflows.Model;

namespace Serverless.Api.Schedules;

/// <summary>
/// The schedule timer's handler: for every active schedule, starts the runs whose fire times have come, with
/// deterministic instance ids (so a tick that runs twice, or two hosts ticking at once, start each run once),
/// applying the missed-run and overlap policies, then moves the schedule's next fire time on.
/// </summary>
public sealed partial class ScheduleTick
{
    private const int MaxOnTimeRunsPerTick = 100;
    private const int MaxEnumeratedFireTimes = 1_000_000;

    private readonly ScheduleStore _schedules;
    private readonly WorkflowStarter _starter;
    private readonly WorkflowTerminationAudit _terminations;
    private readonly ApiOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="schedules">The schedule store.</param>
    /// <param name="starter">Starts workflows.</param>
    /// <param name="terminations">Audits a previous run terminated by the overlap policy.</param>
    /// <param name="options">The on-time grace.</param>
    /// <param name="logger">Diagnostics.</param>
    public ScheduleTick(ScheduleStore schedules, WorkflowStarter starter, WorkflowTerminationAudit terminations, ApiOptions options, ILogger<ScheduleTick>? logger = null)
    {
        _schedules = schedules;
        _starter = starter;
        _terminations = terminations;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Runs one tick at the clock's current time.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Cancels the tick (runs already started stay started).</param>
    /// <returns>Every fire time handled.</returns>
    public async Task<IReadOnlyList<ScheduleFire>> RunAsync(TimeProvider time, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        var fires = new List<ScheduleFire>();
        foreach (var (schedule, etag) in await _schedules.ListAsync(cancellationToken))
        {
            if (schedule.Paused || schedule.NextFireAt > now)
            {
                continue;
            }

            CronCalendar calendar;
            try
            {
                calendar = schedule.Calendar();
            }
            catch (ArgumentException e)
            {
                Log.InvalidSchedule(_logger, schedule.Id, e.Message);
                continue;
            }

            var (missed, onTime) = DueFireTimes(schedule, calendar, now);
            // Overlap is judged against the run of an earlier tick: catch-up runs of one tick start together.
            var last = schedule.LastInstanceId;
            foreach (var fireAt in Runs(schedule, missed, onTime))
            {
                var fire = await FireAsync(schedule, fireAt, schedule.LastInstanceId, client, cancellationToken);
                fires.Add(fire);
                if (fire.Outcome is ScheduleFireOutcome.Started or ScheduleFireOutcome.AlreadyStarted or ScheduleFireOutcome.StartedAfterTerminating)
                {
                    last = fire.InstanceId;
                }
            }

            var next = calendar.Next(now, 1) is [var n] ? n : DateTimeOffset.MaxValue;
            if (!await _schedules.TryUpdateAsync(schedule with { NextFireAt = next, LastInstanceId = last }, etag, cancellationToken))
            {
                Log.ScheduleChangedDuringTick(_logger, schedule.Id);
            }
        }

        return fires;
    }

    private (List<DateTimeOffset> Missed, List<DateTimeOffset> OnTime) DueFireTimes(ScheduleSpec schedule, CronCalendar calendar, DateTimeOffset now)
    {
        var keep = Math.Max(schedule.MaxCatchUp, 1);
        var missed = new Queue<DateTimeOffset>();
        var onTime = new List<DateTimeOffset>();
        var onTimeFrom = now - _options.ScheduleGrace;
        var seen = 0;
        foreach (var fireAt in new[] { schedule.NextFireAt }.Concat(calendar.Occurrences(schedule.NextFireAt, now)))
        {
            if (++seen > MaxEnumeratedFireTimes)
            {
                break;
            }

            if (fireAt >= onTimeFrom)
            {
                onTime.Add(fireAt);
                continue;
            }

            missed.Enqueue(fireAt);
            if (missed.Count > keep)
            {
                missed.Dequeue();
            }
        }

        return (missed.ToList(), onTime.TakeLast(MaxOnTimeRunsPerTick).ToList());
    }

    private static IEnumerable<DateTimeOffset> Runs(ScheduleSpec schedule, List<DateTimeOffset> missed, List<DateTimeOffset> onTime)
    {
        IEnumerable<DateTimeOffset> caughtUp = schedule.MissedRuns switch
        {
            MissedRunPolicy.RunAll => missed,
            MissedRunPolicy.RunOnce => missed.Count > 0 ? [missed[^1]] : [],
            _ => [],
        };
        return caughtUp.Concat(onTime);
    }

    private async Task<ScheduleFire> FireAsync(ScheduleSpec schedule, DateTimeOffset fireAt, string? previous, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var id = schedule.InstanceIdFor(fireAt);
        if (await client.GetInstanceAsync(id, false, cancellationToken) is not null)
        {
            return new ScheduleFire(schedule.Id, fireAt, id, ScheduleFireOutcome.AlreadyStarted);
        }

        var terminated = false;
        if (previous is not null && schedule.Overlap != OverlapPolicy.Allow
            && await client.GetInstanceAsync(previous, false, cancellationToken) is { IsCompleted: false })
        {
            if (schedule.Overlap == OverlapPolicy.Skip)
            {
                return new ScheduleFire(schedule.Id, fireAt, id, ScheduleFireOutcome.SkippedOverlap, $"Instance '{previous}' is still running.");
            }

            var reason = $"Superseded by schedule '{schedule.Id}' run {id}.";
            await client.TerminateInstanceAsync(previous, reason, cancellationToken);
            await _terminations.RecordAsync(client, previous, $"schedule:{schedule.Id}", reason, cancellationToken);
            terminated = true;
        }

        try
        {
            var input = schedule.InputJson is { } json ? JsonDocument.Parse(json).RootElement.Clone() : (JsonElement?)null;
            await _starter.StartAsync(client, schedule.Workflow, schedule.Version, id, input, $"schedule:{schedule.Id}", id, cancellationToken);
            Log.Started(_logger, schedule.Id, id);
            return new ScheduleFire(schedule.Id, fireAt, id, terminated ? ScheduleFireOutcome.StartedAfterTerminating : ScheduleFireOutcome.Started);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return new ScheduleFire(schedule.Id, fireAt, id, ScheduleFireOutcome.AlreadyStarted);
        }
        catch (ApiProblemException e)
        {
            Log.StartFailed(_logger, schedule.Id, id, e.Message);
            return new ScheduleFire(schedule.Id, fireAt, id, ScheduleFireOutcome.Failed, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Schedule {ScheduleId} started {InstanceId}.")]
        public static partial void Started(ILogger logger, string scheduleId, string instanceId);

        [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Schedule {ScheduleId} could not start {InstanceId}: {Reason}")]
        public static partial void StartFailed(ILogger logger, string scheduleId, string instanceId, string reason);

        [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Schedule {ScheduleId} is invalid and was skipped: {Reason}")]
        public static partial void InvalidSchedule(ILogger logger, string scheduleId, string reason);

        [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Schedule {ScheduleId} changed during the tick; the next tick re-reads it.")]
        public static partial void ScheduleChangedDuringTick(ILogger logger, string scheduleId);
    }
}
