using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Serverless.Secrets;

namespace Serverless.Activities.Secrets;

/// <summary>
/// Wraps an activity so that the <c>{{secrets.NAME}}</c> references of its input are resolved only as it runs, and
/// nothing it returns or throws carries a resolved value back to the engine (history, status, audit). Every host
/// registers the activities that accept secrets through this one class (<see cref="ActivityDescriptor.Create"/>).
/// </summary>
/// <param name="inner">The activity.</param>
/// <param name="resolver">Resolves the references.</param>
public sealed class SecretResolvingActivity(ITaskActivity inner, SecretResolver resolver) : ITaskActivity
{
    // Serialize and read back with one set of options, so the activity sees exactly the object it would have seen; web
    // naming makes the paths in errors read like the definition ($.headers, not $.Headers).
    private static readonly JsonSerializerOptions s_json = JsonSerializerOptions.Web;

    /// <inheritdoc />
    public Type InputType => inner.InputType;

    /// <inheritdoc />
    public Type OutputType => inner.OutputType;

    /// <inheritdoc />
    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var (resolved, mask) = Resolve(input);
        if (mask.IsEmpty)
        {
            return await inner.RunAsync(context, input);
        }

        object? output;
        try
        {
            output = await inner.RunAsync(context, resolved);
        }
        catch (Exception e)
        {
            var masked = mask.Apply(e);
            if (ReferenceEquals(masked, e))
            {
                throw;
            }

            throw masked;
        }

        return Mask(output, mask);
    }

    private (object? Input, SecretMask Mask) Resolve(object? input)
    {
        if (input is null)
        {
            return (null, SecretMask.None);
        }

        // The engine's input is never changed in place: resolution works on a copy, made only when there is a reference.
        var tree = input as JsonNode ?? JsonSerializer.SerializeToNode(input, InputType, s_json);
        if (SecretReference.Count(tree) == 0)
        {
            return (input, SecretMask.None);
        }

        var (resolved, mask) = resolver.Resolve(input is JsonNode ? tree!.DeepClone() : tree);
        return (ToType(resolved, InputType), mask);
    }

    private object? Mask(object? output, SecretMask mask)
    {
        if (output is null)
        {
            return null;
        }

        var type = output.GetType();
        var tree = output is JsonNode node ? node : JsonSerializer.SerializeToNode(output, type, s_json);
        return ToType(mask.Apply(tree), type);
    }

    private static object? ToType(JsonNode? tree, Type type) =>
        typeof(JsonNode).IsAssignableFrom(type) ? tree : tree.Deserialize(type, s_json);
}
