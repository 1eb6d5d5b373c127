using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Definitions;

namespace Serverless.Api.Operations;

/// <summary>Health: the runtime answers and the product tables can be read.</summary>
/// <param name="definitions">The definition store (a cheap read proves the table store answers).</param>
/// <param name="options">The hub name.</param>
public sealed class HealthEndpoint(DefinitionStore definitions, ApiOptions options)
{
    /// <summary><c>GET health</c>: 200 <c>{"status":"healthy"}</c>, or 503 problem details naming the failing part.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.GetInstanceAsync("$health", false, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Http.Problems.Create(503, "Runtime unavailable", $"The durable runtime did not answer: {e.Message}");
        }

        try
        {
            await definitions.GetPointerAsync("health", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Http.Problems.Create(503, "Table store unavailable", $"The product tables could not be read: {e.Message}");
        }

        return Results.Ok(new { status = "healthy", taskHub = options.HubName });
    }
}
