using System.Text.Json.Nodes;
using Serverless.Secrets;
using Serverless.Workflows.Templates;

namespace Serverless.Activities.Secrets;

/// <summary>
/// Replaces each <c>{{secrets.NAME}}</c> in the strings of an activity's input with the secret's value, and collects
/// the values resolved so that what the activity returns or throws can be masked.
/// </summary>
/// <param name="source">Where secrets come from.</param>
public sealed class SecretResolver(ISecretSource source)
{
    /// <summary>Resolves the references in a JSON tree in place.</summary>
    /// <param name="input">The activity's input (owned by the caller).</param>
    /// <returns>The resolved tree and the mask of the values used.</returns>
    /// <exception cref="SecretNotFoundException">A reference names a secret that is not configured, or is not a valid name; nothing was resolved.</exception>
    public (JsonNode? Input, SecretMask Mask) Resolve(JsonNode? input)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var resolved = Resolve(input, "$", values);
        return (resolved, values.Count == 0 ? SecretMask.None : new SecretMask(values.Values));
    }

    private JsonNode? Resolve(JsonNode? node, string path, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    var resolved = Resolve(child, JsonPath.Property(path, name), values);
                    if (!ReferenceEquals(resolved, child))
                    {
                        obj[name] = resolved;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    var resolved = Resolve(child, JsonPath.Item(path, i), values);
                    if (!ReferenceEquals(resolved, child))
                    {
                        array[i] = resolved;
                    }
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && SecretReference.Contains(text):
                return JsonValue.Create(SecretReference.Replace(text, name => Lookup(name, path, values)));
            default:
                return node;
        }
    }

    private string Lookup(string name, string path, Dictionary<string, string> values)
    {
        if (values.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!SecretName.IsValid(name))
        {
            throw new SecretNotFoundException($"'{SecretReference.Format(name)}' at {path} of the activity's input is not a valid secret name; the activity was not run.");
        }

        if (!source.TryGet(name, out var value))
        {
            throw new SecretNotFoundException(
                $"Secret '{name}' referenced at {path} of the activity's input is not configured (app setting {ConfigurationSecretSource.Section}__{name}); the activity was not run.");
        }

        values[name] = value;
        return value;
    }
}
