using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Durable;
using Serverless.Api.Http;
using Serverless.Api.Workflows;
using Serverless.Schedules;

namespace Serverless.Api.Schedules;

/// <summary>Create, update, delete, pause and resume schedules; read them with their next fire times.</summary>
/// <param name="schedules">The schedule store.</param>
/// <param name="starter">Checks that the workflow is published and that the input fits its input schema, as a start does.</param>
/// <param name="time">The clock.</param>
/// <param name="options">The body limit.</param>
public sealed class ScheduleEndpoints(ScheduleStore schedules, WorkflowStarter starter, TimeProvider time, ApiOptions options)
{
    private const int NextFireTimes = 5;

    /// <summary><c>GET schedules</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
            Results.Json(new JsonArray([.. (await schedules.ListAsync(cancellationToken)).Select(s => Describe(s.Schedule))])));

    /// <summary><c>GET schedules/{id}</c>: 404 when absent.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () => await schedules.GetAsync(id, cancellationToken) is { } found
            ? Results.Json(Describe(found.Schedule))
            : NotFound(id));

    /// <summary><c>PUT schedules/{id}</c>: 201 created or 200 replaced (the next fire time restarts from now); 400 bad body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            var spec = ScheduleRequest.Read(id, await RequestBody.ReadObjectAsync(request, options.MaxRequestBodyBytes, cancellationToken));
            await CheckStartableAsync(spec, cancellationToken);
            var existing = await schedules.GetAsync(id, cancellationToken);
            var now = time.GetUtcNow();
            var stored = spec with { NextFireAt = First(spec, now), LastInstanceId = existing?.Schedule.LastInstanceId, UpdatedAt = now };
            await schedules.PutAsync(stored, cancellationToken);
            return existing is null
                ? Results.Created($"{request.PathBase}/api/schedules/{id}", Describe(stored))
                : Results.Json(Describe(stored));
        });

    /// <summary><c>DELETE schedules/{id}</c>: 204; 404 when absent.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> DeleteAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () => await schedules.DeleteAsync(id, cancellationToken) ? Results.NoContent() : NotFound(id));

    /// <summary><c>POST schedules/{id}/pause</c>: 200; 404 when absent.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> PauseAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        SetPausedAsync(id, true, cancellationToken);

    /// <summary><c>POST schedules/{id}/resume</c>: 200, firing from now on (times passed while paused are not caught up); 404 when absent.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The schedule id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> ResumeAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        SetPausedAsync(id, false, cancellationToken);

    private Task<IResult> SetPausedAsync(string id, bool paused, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            while (await schedules.GetAsync(id, cancellationToken) is { } found)
            {
                if (!paused && CalendarProblem(found.Schedule) is { } problem)
                {
                    throw ApiProblemException.BadRequest($"Schedule '{id}' cannot resume: {problem} Replace it with PUT.");
                }

                var now = time.GetUtcNow();
                var changed = found.Schedule with
                {
                    Paused = paused,
                    NextFireAt = paused || !found.Schedule.Paused ? found.Schedule.NextFireAt : First(found.Schedule, now),
                    UpdatedAt = now,
                };
                if (await schedules.TryUpdateAsync(changed, found.ETag, cancellationToken))
                {
                    return Results.Json(Describe(changed));
                }
            }

            return NotFound(id);
        });

    // A schedule runs the workflow as a start would: the same 404-made-400 for an unpublished workflow, and the same
    // located input errors, so a schedule whose every fire would be refused is refused once, here.
    private async Task CheckStartableAsync(ScheduleSpec spec, CancellationToken cancellationToken)
    {
        var input = spec.InputJson is { } json ? JsonDocument.Parse(json).RootElement.Clone() : (JsonElement?)null;
        try
        {
            await starter.PrepareAsync(spec.Workflow, spec.Version, input, $"schedule:{spec.Id}", null, cancellationToken);
        }
        catch (ApiProblemException e) when (e.Status == 404)
        {
            throw ApiProblemException.BadRequest($"Field 'workflow': {e.Message}");
        }
        catch (ApiProblemException e) when (e.Status == 400)
        {
            throw new ApiProblemException(400, e.Title, $"Field 'input': {e.Message}", e.Extensions);
        }
    }

    private static DateTimeOffset First(ScheduleSpec spec, DateTimeOffset now) =>
        spec.Calendar().Next(now, 1) is [var next] ? next : DateTimeOffset.MaxValue;

    // A row written by hand or by an older version must not break the routes that list it.
    private static string? CalendarProblem(ScheduleSpec spec)
    {
        try
        {
            spec.Calendar();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message.Split(" (Parameter", 2)[0];
        }
    }

    private static IResult NotFound(string id) => Problems.Create(404, "Schedule not found", $"No schedule with id '{id}'.");

    private JsonObject Describe(ScheduleSpec s)
    {
        var problem = CalendarProblem(s);
        var from = s.NextFireAt > time.GetUtcNow() ? s.NextFireAt.AddTicks(-1) : time.GetUtcNow();
        var next = s.Paused || problem is not null ? [] : s.Calendar().Next(from, NextFireTimes);
        var described = new JsonObject
        {
            ["id"] = s.Id,
            ["workflow"] = s.Workflow,
            ["version"] = s.Version,
            ["cron"] = s.Cron,
            ["timeZone"] = s.TimeZone,
            ["missedRuns"] = ScheduleRequest.ObjectReaderName(s.MissedRuns),
            ["maxCatchUp"] = s.MaxCatchUp,
            ["overlap"] = ScheduleRequest.ObjectReaderName(s.Overlap),
            ["input"] = s.InputJson is { } json ? JsonNode.Parse(json) : null,
            ["paused"] = s.Paused,
            ["nextFireTimes"] = new JsonArray([.. next.Select(t => JsonValue.Create(InstanceStatusJson.Time(t)))]),
            ["lastInstanceId"] = s.LastInstanceId,
            ["updatedAt"] = InstanceStatusJson.Time(s.UpdatedAt),
        };
        if (problem is not null)
        {
            described["problem"] = $"This schedule cannot fire: {problem} Replace it with PUT.";
        }

        return described;
    }
}
