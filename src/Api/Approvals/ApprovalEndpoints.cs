using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Activities.Approvals;
using Serverless.Api.Access;
using Serverless.Api.Durable;
using Serverless.Api.Http;
using Serverless.Approvals;

namespace Serverless.Api.Approvals;

/// <summary>
/// The approvals inbox over HTTP. The approver is always the authenticated caller (<c>x-ms-client-principal-name</c>),
/// never a field of the body; only an approver listed on the request may decide.
/// </summary>
/// <param name="inbox">The approvals inbox.</param>
/// <param name="time">Stamps decisions.</param>
/// <param name="options">The body limit.</param>
/// <param name="access">Records a decision refused because the step does not list the caller.</param>
public sealed class ApprovalEndpoints(ApprovalInbox inbox, TimeProvider time, ApiOptions options, AccessTrail access)
{
    private const int MaxCommentChars = 2000;
    private static readonly TimeSpan RequestPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary><c>GET approvals</c>: the caller's pending approvals; 401 without a principal.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> ListPendingAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            var approver = RequireApprover(request);
            var pending = await inbox.ListPendingAsync(approver, cancellationToken);
            return Results.Ok(pending.Select(r => new
            {
                instanceId = r.Request.InstanceId,
                stepId = r.Request.StepId,
                workflow = r.Request.Workflow,
                title = r.Request.Title,
                details = InstanceStatusJson.Parse(r.Request.DetailsJson),
                approvers = r.Request.Approvers,
                quorum = r.Request.Quorum,
                level = r.Request.Level,
                requestedAt = r.Request.RequestedAt,
                dueAt = r.Request.DueAt,
                decisions = r.Decisions.Count,
            }));
        });

    /// <summary>
    /// <c>POST approvals/{instanceId}/{stepId}</c> with <c>{"approved": true|false, "comment": "..."}</c>: 202 when
    /// recorded and delivered; 400 bad body; 401 no principal; 403 not a listed approver; 404 no such approval or
    /// instance; 409 already decided or closed; 410 the instance finished. A decision for a running instance that has
    /// not yet requested any approval waits up to <see cref="ApiOptions.ApprovalRequestWait"/> for the request.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="stepId">The approval step.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> DecideAsync(HttpRequest request, DurableTaskClient client, string instanceId, string stepId, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var approver = RequireApprover(request);
            var body = await RequestBody.ReadObjectAsync(request, options.MaxRequestBodyBytes, cancellationToken);
            var decision = ReadDecision(body, approver);
            var instance = await client.GetInstanceAsync(instanceId, false, cancellationToken)
                ?? throw ApiProblemException.NotFound($"No instance '{instanceId}'.");
            if (instance.IsCompleted)
            {
                throw new ApiProblemException(410, "Instance finished", $"Instance '{instanceId}' is {instance.RuntimeStatus}; its approvals can no longer be decided.");
            }

            ApprovalRecord recorded;
            try
            {
                recorded = await RecordWhenRequestedAsync(client, instanceId, stepId, decision, cancellationToken);
            }
            catch (ApprovalNotFoundException e)
            {
                throw new ApiProblemException(404, "Approval not found", e.Message);
            }
            catch (ApproverNotListedException e)
            {
                await access.RecordAsync(request, Routing.ApiRoutes.DecideApproval.FunctionName, ApiRole.Approver, e.Message, cancellationToken);
                throw new ApiProblemException(403, "Not an approver", e.Message);
            }
            catch (ApprovalConflictException e)
            {
                throw new ApiProblemException(409, e.Reason == ApprovalConflict.AlreadyDecided ? "Already decided" : "Approval closed", e.Message);
            }

            var delivered = recorded.Decisions[^1];
            await client.RaiseEventAsync(instanceId, ApprovalEvents.EventName(stepId), delivered, cancellationToken);
            return Results.Accepted(value: new
            {
                instanceId,
                stepId,
                approver = delivered.Approver,
                approved = delivered.Approved,
                comment = delivered.Comment,
                decidedAt = delivered.DecidedAt is { } at ? InstanceStatusJson.Time(at) : null,
            });
        });

    // A decision sent right after the start (a pasted script, a fast client) can come before the instance has asked
    // for it. While the instance runs and has no other approval pending, the request is still on its way: wait for
    // it (woken at once by a request recorded in this process, else polling) up to ApprovalRequestWait. Another step's
    // pending request means this one is not coming next: 404 at once.
    private async Task<ApprovalRecord> RecordWhenRequestedAsync(
        DurableTaskClient client, string instanceId, string stepId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.ApprovalRequestWait;
        while (true)
        {
            var arrival = inbox.NextArrival;
            try
            {
                return await inbox.RecordDecisionAsync(instanceId, stepId, decision, cancellationToken);
            }
            catch (ApprovalNotFoundException) when (time.GetUtcNow() < deadline)
            {
                if (!await MayStillRequestAsync(client, instanceId, stepId, cancellationToken))
                {
                    throw;
                }
            }

            await Task.WhenAny(arrival, Task.Delay(RequestPollInterval, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    // A request for this very step that landed since the lookup makes the next attempt succeed.
    private async Task<bool> MayStillRequestAsync(DurableTaskClient client, string instanceId, string stepId, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(instanceId, false, cancellationToken) is { IsCompleted: false }
        && !await inbox.HasOtherPendingAsync(instanceId, stepId, cancellationToken);

    private static string RequireApprover(HttpRequest request) =>
        CallerIdentity.Name(request) ?? throw new ApiProblemException(401, "Approver unknown",
            $"Approvals need the caller's identity in the {CallerIdentity.PrincipalNameHeader} header (set by App Service authentication).");

    private ApprovalDecision ReadDecision(JsonElement body, string approver)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("approved" or "comment"))
            {
                throw ApiProblemException.BadRequest($"Unknown field '{property.Name}'; the body is {{\"approved\": true|false, \"comment\": \"...\"}} (the approver is the caller).");
            }
        }

        if (!body.TryGetProperty("approved", out var approved) || approved.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw ApiProblemException.BadRequest("Field 'approved' is required and must be true or false.");
        }

        string? comment = null;
        if (body.TryGetProperty("comment", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            comment = c.ValueKind == JsonValueKind.String && c.GetString() is { Length: <= MaxCommentChars } text
                ? text
                : throw ApiProblemException.BadRequest($"Field 'comment' must be a string of at most {MaxCommentChars} characters.");
        }

        return new ApprovalDecision(approver, approved.GetBoolean(), comment, time.GetUtcNow());
    }
}
