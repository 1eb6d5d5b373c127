using Serverless.Api.Routing;

namespace Serverless.Functions.Tests.Guards;

/// <summary>
/// Compares the Functions bindings with the registries: each registered orchestrator, activity, product
/// route and timer has exactly one binding of the right kind, name and shape (implementing class;
/// methods, route, authorization; cron setting), and no binding lacks a registration.
/// </summary>
internal static class DriftGuard
{
    /// <summary>Every mismatch, one sentence each; empty when the two agree.</summary>
    /// <param name="bindings">The bindings, read from source or from the generated metadata.</param>
    /// <param name="registrations">What must be bound.</param>
    /// <param name="checkImplementations">Also check which shared class each binding runs (known from source only).</param>
    public static IReadOnlyList<string> Check(IReadOnlyList<FunctionBinding> bindings, ProductRegistrations registrations, bool checkImplementations = true)
    {
        var problems = new List<string>();
        foreach (var duplicate in bindings.GroupBy(b => b.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Function name '{duplicate.Key}' is bound {duplicate.Count()} times ({string.Join(", ", duplicate.Select(b => b.Where))}).");
        }

        var byName = bindings.GroupBy(b => b.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        CheckTasks(BindingKind.Orchestrator, "orchestrator", registrations.Orchestrators, byName, expected, problems, checkImplementations);
        CheckTasks(BindingKind.Activity, "activity", registrations.Activities, byName, expected, problems, checkImplementations);
        foreach (var route in registrations.Routes)
        {
            expected.Add(route.FunctionName);
            if (Find(byName, route.FunctionName, BindingKind.Http, "HTTP route", problems) is { } binding)
            {
                CheckRoute(route, binding, problems);
            }
        }

        foreach (var timer in registrations.Timers)
        {
            expected.Add(timer.FunctionName);
            if (Find(byName, timer.FunctionName, BindingKind.Timer, "timer", problems) is { } binding && binding.Schedule != $"%{timer.CronSetting}%")
            {
                problems.Add($"Timer '{timer.FunctionName}' ({binding.Where}) is scheduled '{binding.Schedule}', expected '%{timer.CronSetting}%' (the app setting both hosts read).");
            }
        }

        foreach (var binding in bindings.Where(b => !expected.Contains(b.Name)))
        {
            problems.Add(binding.Kind == BindingKind.Unknown
                ? $"Function '{binding.Name}' ({binding.Where}) has no orchestration, activity, HTTP or timer trigger."
                : $"{binding.Kind} binding '{binding.Name}' ({binding.Where}) has no registration.");
        }

        return problems;
    }

    private static void CheckTasks(
        BindingKind kind, string what, IReadOnlyList<RegisteredTask> tasks, Dictionary<string, FunctionBinding> byName, HashSet<string> expected,
        List<string> problems, bool checkImplementations)
    {
        foreach (var task in tasks)
        {
            expected.Add(task.Name);
            if (Find(byName, task.Name, kind, what, problems) is { } binding && checkImplementations && binding.Implementation != task.ImplementationName)
            {
                problems.Add($"The {what} binding '{task.Name}' ({binding.Where}) runs {binding.Implementation ?? "no shared class"}, registered as {task.ImplementationName}.");
            }
        }
    }

    private static FunctionBinding? Find(Dictionary<string, FunctionBinding> byName, string name, BindingKind kind, string what, List<string> problems)
    {
        if (!byName.TryGetValue(name, out var binding))
        {
            problems.Add($"Registered {what} '{name}' has no binding in src/Functions.");
            return null;
        }

        if (binding.Kind != kind)
        {
            problems.Add($"'{name}' ({binding.Where}) is bound as {binding.Kind}, registered as {what}.");
            return null;
        }

        return binding;
    }

    private static void CheckRoute(ApiRoute route, FunctionBinding binding, List<string> problems)
    {
        var methods = route.Methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal);
        if (!methods.SequenceEqual(binding.Methods, StringComparer.Ordinal))
        {
            problems.Add($"HTTP route '{route.FunctionName}' ({binding.Where}) accepts {string.Join(",", binding.Methods)}, registered {string.Join(",", route.Methods)}.");
        }

        if (binding.Route != route.Route)
        {
            problems.Add($"HTTP route '{route.FunctionName}' ({binding.Where}) is bound at '{binding.Route}', registered at '{route.Route}'.");
        }

        if (binding.AuthorizationLevel != route.Authorization.ToString())
        {
            problems.Add($"HTTP route '{route.FunctionName}' ({binding.Where}) requires {binding.AuthorizationLevel ?? "no level"}, registered {route.Authorization}.");
        }
    }
}
