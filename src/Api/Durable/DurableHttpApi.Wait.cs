using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Api.Http;

namespace Serverless.Api.Durable;

public sealed partial class DurableHttpApi
{
    private const int MaxWaitSeconds = 3600;

    /// <summary>
    /// The start route's <c>timeout</c> and <c>pollingInterval</c> (seconds), as Durable's start API reads them: with a
    /// timeout the request waits for the instance to finish. Null when the caller asked for no wait.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The wait, or null.</returns>
    /// <exception cref="ApiProblemException">A value is not a whole number of seconds in range, or the interval is longer than the timeout.</exception>
    private static TimeSpan? WaitFor(HttpRequest request)
    {
        var timeout = QueryValues.Int(request, "timeout", 1, MaxWaitSeconds);
        var polling = QueryValues.Int(request, "pollingInterval", 1, MaxWaitSeconds);
        if (timeout is null)
        {
            return polling is null ? null : throw ApiProblemException.BadRequest("Query parameter 'pollingInterval' needs 'timeout' (seconds to wait for the instance to finish).");
        }

        if (polling > timeout)
        {
            throw ApiProblemException.BadRequest($"Query parameter 'pollingInterval' ({polling} s) must not be longer than 'timeout' ({timeout} s).");
        }

        return TimeSpan.FromSeconds(timeout.Value);
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the instance to finish, as Durable's start API does with
    /// <c>timeout</c>: 200 with the output when it completed, the status answer (400, or 500 on request) when it
    /// failed or was terminated, else 202 with the management payload. The wait watches the instance rather than
    /// polling, so <c>pollingInterval</c> changes nothing here; it is still checked as Durable checks it.
    /// </summary>
    private async Task<IResult> WaitForFinishAsync(
        HttpRequest request, DurableTaskClient client, string instanceId, TimeSpan timeout, StatusView view, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        OrchestrationMetadata finished;
        try
        {
            finished = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, linked.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ManagementPayload.For(request, options, instanceId).Accepted();
        }

        return finished.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? Results.Content(finished.SerializedOutput ?? "null", "application/json", statusCode: StatusCodes.Status200OK)
            : await StatusResultAsync(request, client, finished, view, cancellationToken);
    }
}
