using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Activities.Approvals;
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
public sealed class ApprovalEndpoints(ApprovalInbox inbox, TimeProvider time, ApiOptions options)
{
    private const int MaxCommentChars = 2000;

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
    /// instance; 409 already decided or closed; 410 the instance finished.
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
                recorded = await inbox.RecordDecisionAsync(instanceId, stepId, decision, cancellationToken);
            }
            catch (ApprovalNotFoundException e)
            {
                throw new ApiProblemException(404, "Approval not found", e.Message);
            }
            catch (ApproverNotListedException e)
            {
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
