using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Serverless.Api.Routing;

namespace Serverless.Functions.Tests.Guards;

/// <summary>
/// Which shared handler the local host runs for each product route and timer, read from <c>src/Host</c>
/// with Roslyn: the lambdas registered under <c>[ApiRoutes.X] = ...</c> (route table) and passed with
/// <c>TimerSchedules.X</c> (timers). The guard compares them with the Functions bindings, so both hosts
/// hand each request to the same method.
/// </summary>
internal static class LocalHostHandlers
{
    /// <summary>Function name to <c>Type.Method</c> of the handler the local host calls.</summary>
    public static IReadOnlyDictionary<string, string> Read()
    {
        var handlers = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(RepositoryRoot.Path, "src", "Host");
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.TopDirectoryOnly))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var assignment in root.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is ImplicitElementAccessSyntax { ArgumentList.Arguments: [var key] }
                    && FunctionName(key.Expression) is { } name && assignment.Right is LambdaExpressionSyntax lambda)
                {
                    handlers[name] = Handler(lambda);
                }
            }

            foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var arguments = invocation.ArgumentList.Arguments;
                if (arguments.Select(a => FunctionName(a.Expression)).FirstOrDefault(n => n is not null) is { } name
                    && arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().FirstOrDefault() is { } lambda)
                {
                    handlers[name] = Handler(lambda);
                }
            }
        }

        return handlers;
    }

    // ApiRoutes.X or TimerSchedules.X, by reflection on the real tables.
    private static string? FunctionName(ExpressionSyntax expression)
    {
        if (expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax table, Name.Identifier.Text: var field })
        {
            return null;
        }

        var value = table.Identifier.Text switch
        {
            nameof(ApiRoutes) => typeof(ApiRoutes).GetField(field, BindingFlags.Public | BindingFlags.Static)?.GetValue(null),
            nameof(TimerSchedules) => typeof(TimerSchedules).GetField(field, BindingFlags.Public | BindingFlags.Static)?.GetValue(null),
            _ => null,
        };
        return value switch
        {
            ApiRoute route => route.FunctionName,
            TimerSchedule timer => timer.FunctionName,
            _ => null,
        };
    }

    // The outermost call in the lambda body, as Type.Method: the receiver is a typed lambda parameter,
    // a GetRequiredService<T>() call, or a type name (a static handler).
    private static string Handler(LambdaExpressionSyntax lambda)
    {
        if (lambda.Body is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call })
        {
            return $"<unreadable: {lambda.Body}>";
        }

        var parameters = lambda is ParenthesizedLambdaExpressionSyntax parenthesized ? parenthesized.ParameterList.Parameters : [];
        var type = call.Expression switch
        {
            IdentifierNameSyntax receiver when parameters.FirstOrDefault(p => p.Identifier.Text == receiver.Identifier.Text)?.Type is { } declared => declared.ToString(),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var resolved] } } } => resolved.ToString(),
            var other => other.ToString(),
        };
        return $"{type.Split('.')[^1]}.{call.Name.Identifier.Text}";
    }
}
