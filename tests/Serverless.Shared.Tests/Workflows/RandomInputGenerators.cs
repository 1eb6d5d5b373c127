using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Serverless.Shared.Tests.Workflows;

/// <summary>Random expression text built from the language's own tokens (more likely to get deep than random chars).</summary>
public sealed record ExpressionText(string Value);

/// <summary>Random JSON shaped like a definition, built from the language's property names and values.</summary>
public sealed record DefinitionText(string Value);

/// <summary>A definition built by <see cref="RandomDefinitionBuilder"/> from a seed: every step kind, mostly valid fields.</summary>
public sealed record StepShapedDefinition(int Seed, string Value);

/// <summary>FsCheck arbitraries for the property tests.</summary>
public static class RandomInputGenerators
{
    private static readonly string[] Tokens =
    [
        "input", "steps", "vars", "item", "index", "now", "instance", ".", "a", "output", "error", "x", "id", "length",
        "[", "]", "(", ")", ",", "0", "1", "2.5", "'s'", "\"t\"", "true", "false", "null", "+", "-", "*", "/", "%",
        "!", "&&", "||", "==", "!=", "<", "<=", ">", ">=", "in", "contains", "startsWith", "endsWith", "{{", "}}",
    ];

    private static readonly string[] Keys =
    [
        "name", "version", "steps", "id", "kind", "activity", "input", "branches", "cases", "when", "default", "items",
        "maxIterations", "while", "until", "approvers", "quorum", "escalation", "after", "participants", "prepare",
        "commit", "abort", "goto", "onError", "timeout", "workflow", "duration", "event", "schedule", "cron", "assign",
        "vars", "output", "retry", "maxAttempts", "tags", "break", "maxConcurrency", "fallback", "compensate", "x",
    ];

    private static readonly string[] Strings =
    [
        "activity", "parallel", "foreach", "switch", "loop", "approval", "wait", "delay", "workflow", "transaction",
        "echo", "nope", "a", "b", "t", "PT5M", "P1D", "P1M", "{{input.x}}", "{{steps.a.output}}", "{{item}}", "{{",
        "input.x > 1", "steps.b.output == 1", "0 0 * * * *", "goto", "continue", "fail", "compensate", "",
    ];

    public static Arbitrary<ExpressionText> Expressions() =>
        Gen.Choose(1, 40)
            .SelectMany(n => Gen.ListOf(Gen.Elements(Tokens), n))
            .SelectMany(tokens => Gen.Elements("", " ").Select(separator => new ExpressionText(string.Join(separator, tokens))))
            .ToArbitrary();

    public static Arbitrary<DefinitionText> Definitions() =>
        Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Node(4), n))
            .SelectMany(steps => Pairs(3).Select(extra =>
            {
                var root = new JsonObject { ["name"] = "t", ["version"] = 1, ["steps"] = new JsonArray(steps.ToArray()) };
                foreach (var (key, value) in extra)
                    root[key] = value;
                return new DefinitionText(root.ToJsonString());
            }))
            .ToArbitrary();

    public static Arbitrary<StepShapedDefinition> StepShaped() =>
        Gen.Choose(0, int.MaxValue).Select(seed => new StepShapedDefinition(seed, RandomDefinitionBuilder.Build(seed))).ToArbitrary();

    private static Gen<JsonNode?> Leaf() => Gen.OneOf(
        Gen.Elements(Strings).Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Elements(-1, 0, 1, 2, 3, 1_000_000).Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Constant(0).Select(_ => (JsonNode?)null));

    private static Gen<JsonNode?> Node(int depth) => depth <= 0
        ? Leaf()
        : Gen.Frequency(
            (2, Leaf()),
            (3, Pairs(depth - 1).Select(pairs =>
            {
                var obj = new JsonObject();
                foreach (var (key, value) in pairs)
                    obj[key] = value;
                return (JsonNode?)obj;
            })),
            (1, Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Node(depth - 1), n)).Select(items => (JsonNode?)new JsonArray(items.ToArray()))));

    private static Gen<List<(string Key, JsonNode? Value)>> Pairs(int depth) =>
        Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Gen.Zip(Gen.Elements(Keys), Node(depth)), n))
            .Select(pairs => pairs.ToList());
}
