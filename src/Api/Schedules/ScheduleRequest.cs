using System.Text.Json;
using Serverless.Api.Http;
using Serverless.Schedules;
using Serverless.Workflows.Model;
using Serverless.Workflows.Parsing;

namespace Serverless.Api.Schedules;

/// <summary>Reads and checks the body of <c>PUT schedules/{id}</c>; every problem is a 400 naming the field.</summary>
internal static class ScheduleRequest
{
    private const int MaxInputChars = 30_000;
    private static readonly HashSet<string> Fields = ["workflow", "version", "cron", "timeZone", "missedRuns", "maxCatchUp", "overlap", "input", "paused"];

    public static ScheduleSpec Read(string id, JsonElement body)
    {
        if (!ScheduleStore.IsValidId(id))
        {
            throw ApiProblemException.BadRequest($"Schedule id '{id}' must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit.");
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!Fields.Contains(property.Name))
            {
                throw ApiProblemException.BadRequest($"Unknown field '{property.Name}'; allowed: {string.Join(", ", Fields)}.");
            }
        }

        var workflow = String(body, "workflow") ?? throw ApiProblemException.BadRequest("Field 'workflow' is required.");
        if (!WorkflowParser.IsName(workflow))
        {
            throw ApiProblemException.BadRequest($"Field 'workflow': '{workflow}' is not a workflow name.");
        }

        var cron = String(body, "cron") ?? throw ApiProblemException.BadRequest("Field 'cron' is required.");
        var zone = String(body, "timeZone") ?? "UTC";
        try
        {
            CronCalendar.Parse(cron, zone);
        }
        catch (ArgumentException e)
        {
            throw ApiProblemException.BadRequest($"Field '{(e.ParamName == "cron" ? "cron" : "timeZone")}': {e.Message.Split(" (Parameter", 2)[0]}");
        }

        string? input = null;
        if (body.TryGetProperty("input", out var inputElement) && inputElement.ValueKind != JsonValueKind.Null)
        {
            input = inputElement.GetRawText();
            if (input.Length > MaxInputChars)
            {
                throw ApiProblemException.BadRequest($"Field 'input' is {input.Length:N0} characters of JSON; the limit is {MaxInputChars:N0}.");
            }
        }

        return new ScheduleSpec
        {
            Id = id,
            Workflow = workflow,
            Version = Int(body, "version", 1, int.MaxValue),
            Cron = cron,
            TimeZone = zone,
            MissedRuns = Enum<MissedRunPolicy>(body, "missedRuns"),
            MaxCatchUp = Int(body, "maxCatchUp", 1, 1000) ?? 10,
            Overlap = Enum<OverlapPolicy>(body, "overlap"),
            InputJson = input,
            Paused = body.TryGetProperty("paused", out var paused) && (paused.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? paused.GetBoolean()
                : throw ApiProblemException.BadRequest("Field 'paused' must be true or false.")),
        };
    }

    private static string? String(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 256 } text ? text
        : throw ApiProblemException.BadRequest($"Field '{name}' must be a non-empty string of at most 256 characters.");

    private static int? Int(JsonElement body, string name, int min, int max) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max ? number
        : throw ApiProblemException.BadRequest($"Field '{name}' must be a whole number from {min} to {max}.");

    private static T Enum<T>(JsonElement body, string name)
        where T : struct, Enum
    {
        var text = String(body, name);
        if (text is null)
        {
            return default;
        }

        foreach (var value in System.Enum.GetValues<T>())
        {
            if (string.Equals(ObjectReaderName(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw ApiProblemException.BadRequest($"Field '{name}' must be one of {string.Join(", ", System.Enum.GetValues<T>().Select(v => $"'{ObjectReaderName(v)}'"))}, not '{text}'.");
    }

    /// <summary>The DSL's camel-case spelling of an enum value.</summary>
    public static string ObjectReaderName<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
