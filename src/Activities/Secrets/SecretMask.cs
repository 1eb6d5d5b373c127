using System.Net;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Activities.Secrets;

/// <summary>
/// The secret values one activity call resolved, and how to take them back out of whatever it returns or throws:
/// each value, and its URL-encoded forms, becomes <c>***</c> in every string of the output and in every message of a
/// failure. Masking works on decoded strings, so the value is found however a JSON writer would escape it.
/// </summary>
public sealed class SecretMask
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Mask = "***";

    private readonly string[] _forms;

    /// <summary>Creates a mask for values.</summary>
    /// <param name="values">The resolved secret values; blanks are ignored.</param>
    public SecretMask(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _forms = [.. values
            .Where(v => v.Length > 0)
            .SelectMany(v => new[] { v, Uri.EscapeDataString(v), WebUtility.UrlEncode(v) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)];
    }

    /// <summary>A mask that changes nothing.</summary>
    public static SecretMask None { get; } = new([]);

    /// <summary>Whether there is anything to mask.</summary>
    public bool IsEmpty => _forms.Length == 0;

    /// <summary>The text with every secret value replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The masked text; the same instance when nothing matched.</returns>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text;
        foreach (var form in _forms)
        {
            if (result.Contains(form, StringComparison.Ordinal))
            {
                result = result.Replace(form, Mask, StringComparison.Ordinal);
            }
        }

        return result;
    }

    /// <summary>Masks every string of a JSON tree in place: values, property names, and numbers whose text holds a value.</summary>
    /// <param name="node">The tree (owned by the caller).</param>
    /// <returns>The masked tree (a different node only when the root itself was replaced).</returns>
    public JsonNode? Apply(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var properties = obj.ToList();
                var maskedProperties = properties.Select(p => KeyValuePair.Create(Apply(p.Key), Apply(p.Value))).ToList();
                if (properties.Zip(maskedProperties).All(p => ReferenceEquals(p.First.Key, p.Second.Key) && ReferenceEquals(p.First.Value, p.Second.Value)))
                {
                    return obj;
                }

                // Rebuilt in the same order; two names that mask alike keep the last value.
                obj.Clear();
                foreach (var (name, child) in maskedProperties)
                {
                    obj[name] = child;
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    var masked = Apply(child);
                    if (!ReferenceEquals(masked, child))
                    {
                        array[i] = masked;
                    }
                }

                return array;
            case JsonValue value:
                var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                var result = Apply(text);
                return ReferenceEquals(result, text) ? node : JsonValue.Create(result);
            default:
                return node;
        }
    }

    /// <summary>
    /// An exception whose message, and every inner exception's, has no secret value. The same instance when none had;
    /// otherwise a new exception of the same type (through the standard message and inner-exception constructors) with
    /// the original stack, or a <see cref="SecretMaskedException"/> naming the original type when the type has no such constructor.
    /// </summary>
    /// <param name="exception">What the activity threw.</param>
    /// <returns>The exception to report.</returns>
    public Exception Apply(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception.InnerException is { } cause ? Apply(cause) : null;
        var message = Apply(exception.Message);
        if (ReferenceEquals(message, exception.Message) && ReferenceEquals(inner, exception.InnerException))
        {
            return exception;
        }

        var masked = Recreate(exception.GetType(), message, inner) ?? new SecretMaskedException(exception.GetType().FullName ?? exception.GetType().Name, message, inner);
        if (exception.StackTrace is { } stack)
        {
            ExceptionDispatchInfo.SetRemoteStackTrace(masked, stack);
        }

        return masked;
    }

    private static Exception? Recreate(Type type, string message, Exception? inner)
    {
        try
        {
            if (inner is not null && type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
            {
                return (Exception)withInner.Invoke([message, inner]);
            }

            return type.GetConstructor([typeof(string)]) is { } plain ? (Exception)plain.Invoke([message]) : null;
        }
        catch (System.Reflection.TargetInvocationException)
        {
            // A constructor that validates its message differently: report through our own type instead.
            return null;
        }
    }
}
