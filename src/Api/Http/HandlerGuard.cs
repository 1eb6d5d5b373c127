using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Serverless.Durable;
using Serverless.Workflows.Parsing;

namespace Serverless.Api.Http;

/// <summary>
/// Runs a handler body and turns every refusal into problem details: bad input is a 4xx, never a 500. Only a
/// failure of our own (a store down, a bug) is a 500, still as problem details and without internals.
/// </summary>
public static class HandlerGuard
{
    /// <summary>Runs <paramref name="handler"/>, mapping known failures to problem details.</summary>
    /// <param name="handler">The handler body.</param>
    /// <returns>The handler's result or a problem.</returns>
    public static async Task<IResult> RunAsync(Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            return await handler();
        }
        catch (ApiProblemException e)
        {
            return Problems.From(e);
        }
        catch (OrchestrationNotFoundException e)
        {
            return Problems.Create(404, "Instance not found", e.Message);
        }
        catch (OrchestrationAlreadyExistsException e)
        {
            return Problems.Create(409, "Instance already exists", e.Message);
        }
        catch (OrchestrationStateException e)
        {
            return Problems.Create(410, "Instance not in a state for this request", e.Message);
        }
        catch (DurableLimitExceededException e)
        {
            return Problems.Create(413, "Payload too large", e.Message);
        }
        catch (JsonException e)
        {
            return Problems.Create(400, "Malformed JSON", $"The JSON is not valid{(e.Path is { Length: > 1 } path ? $" at {path}" : string.Empty)}: {JsonSyntaxError.Reason(e)}");
        }
        catch (BadHttpRequestException e)
        {
            return Problems.Create(e.StatusCode, "Bad request", e.Message);
        }
        catch (RequestFailedException e) when (e.Status is >= 400 and < 500 and not 408 and not 429)
        {
            return Problems.Create(400, "Rejected by the store", e.Message);
        }
        catch (ArgumentException e)
        {
            return Problems.Create(400, "Bad request", e.Message);
        }
    }
}
