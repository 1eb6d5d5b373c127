using System.Text.Json.Nodes;

namespace Serverless.Shared.Tests.Workflows;

/// <summary>
/// Builds definition-shaped JSON from a seed: every step kind with mostly valid fields drawn from small
/// pools, so a good share compiles and the rest fail deep inside the validator rather than at the surface.
/// </summary>
internal static class RandomDefinitionBuilder
{
    private static readonly string[] Ids = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    private static readonly string[] Kinds = ["activity", "parallel", "foreach", "switch", "loop", "approval", "wait", "delay", "workflow", "transaction"];
    private static readonly string[] Conditions = ["input.x > 1", "steps.a.output == 1", "steps.b.output.y", "item.z", "index < 3", "true", "vars.v != null", "input.list"];
    private static readonly string[] Activities = ["echo", "http", "notify", "echo", "nope"];
    private static readonly string[] Values = ["{{input.x}}", "{{steps.a.output}}", "{{steps.c.output.k}} and {{vars.v}}", "{{item}}", "plain", "{{now}}"];

    public static string Build(int seed)
    {
        var random = new Random(seed);
        var root = new JsonObject
        {
            ["name"] = "t",
            ["version"] = 1,
            ["steps"] = Steps(random, 3),
        };
        if (random.Next(3) == 0)
            root["output"] = Pick(random, Values);
        if (random.Next(4) == 0)
            root["vars"] = new JsonObject { ["v"] = Pick(random, Values) };
        return root.ToJsonString();
    }

    private static JsonArray Steps(Random random, int depth)
    {
        var steps = new JsonArray();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
            steps.Add(Step(random, depth));
        return steps;
    }

    private static JsonObject Step(Random random, int depth)
    {
        var kind = depth <= 0 ? "activity" : Pick(random, Kinds);
        var step = new JsonObject { ["id"] = Pick(random, Ids), ["kind"] = kind };
        switch (kind)
        {
            case "activity":
                step["activity"] = Pick(random, Activities);
                step["input"] = new JsonObject { ["v"] = Pick(random, Values) };
                if (random.Next(4) == 0)
                    (step["onError"], step["goto"]) = ("goto", Pick(random, Ids));
                if (random.Next(4) == 0)
                    step["retry"] = new JsonObject { ["maxAttempts"] = random.Next(0, 4) };
                break;
            case "parallel":
                step["branches"] = new JsonArray(new JsonObject { ["name"] = "x", ["steps"] = Steps(random, depth - 1) }, new JsonObject { ["name"] = Pick(random, ["y", "x"]), ["steps"] = Steps(random, depth - 1) });
                break;
            case "foreach":
                (step["items"], step["steps"]) = (Pick(random, Conditions), Steps(random, depth - 1));
                break;
            case "switch":
                step["cases"] = new JsonArray(new JsonObject { ["when"] = Pick(random, Conditions), ["steps"] = Steps(random, depth - 1) });
                if (random.Next(2) == 0)
                    step["default"] = Steps(random, depth - 1);
                break;
            case "loop":
                (step[Pick(random, ["while", "until"])], step["steps"]) = (Pick(random, Conditions), Steps(random, depth - 1));
                if (random.Next(5) > 0)
                    step["maxIterations"] = random.Next(1, 20);
                break;
            case "approval":
                (step["approvers"], step["quorum"]) = (new JsonArray("ann", "ben"), random.Next(0, 4));
                break;
            case "wait":
                step["event"] = "go";
                break;
            case "delay":
                step["duration"] = Pick(random, ["PT5M", "P1D", "P1M"]);
                break;
            case "workflow":
                (step["workflow"], step["version"]) = (Pick(random, ["child", "t"]), 1);
                break;
            default:
                step["participants"] = new JsonArray(new JsonObject
                {
                    ["name"] = "p",
                    ["prepare"] = new JsonObject { ["activity"] = "echo" },
                    ["commit"] = new JsonObject { ["activity"] = "echo", ["input"] = "{{item}}" },
                    ["abort"] = new JsonObject { ["activity"] = Pick(random, Activities) },
                });
                break;
        }
        return step;
    }

    private static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];
}
