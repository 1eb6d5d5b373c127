using System.Text.Json;
using Microsoft.DurableTask;
using Serverless.Activities.Storage;

namespace Serverless.Activities.Reliability;

/// <summary>
/// Idempotency keys of activity operations: the same instance calling the same activity for the same
/// operation gets the same key, however often the call is delivered or retried.
/// </summary>
public static class OperationKeys
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The key of one operation: from the explicit key when given, else from the whole input.</summary>
    /// <param name="context">The activity call.</param>
    /// <param name="explicitKey">The caller's idempotency key, if any.</param>
    /// <param name="input">The input (serialized to identify the operation when there is no explicit key).</param>
    /// <returns>A 32-character key-safe hash.</returns>
    public static string For(TaskActivityContext context, string? explicitKey, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identity = explicitKey ?? (input is null ? "null" : JsonSerializer.Serialize(input, input.GetType(), s_json));
        return TableKeys.Hash(context.InstanceId, context.Name.Name, identity);
    }
}
