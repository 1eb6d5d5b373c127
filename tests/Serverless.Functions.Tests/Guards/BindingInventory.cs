using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Serverless.Functions.Tests.Guards;

/// <summary>
/// Reads every <c>[Function]</c> method of the compiled <c>src/Functions</c>: its name (constant value of
/// the attribute argument, so <c>nameof</c> and constants work), trigger kind and trigger arguments, and
/// for orchestrators and activities the shared class it hands the call to.
/// </summary>
internal static class BindingInventory
{
    private static readonly Dictionary<string, BindingKind> Triggers = new(StringComparer.Ordinal)
    {
        ["OrchestrationTriggerAttribute"] = BindingKind.Orchestrator,
        ["ActivityTriggerAttribute"] = BindingKind.Activity,
        ["HttpTriggerAttribute"] = BindingKind.Http,
        ["TimerTriggerAttribute"] = BindingKind.Timer,
    };

    /// <summary>The bindings, in source order.</summary>
    public static IReadOnlyList<FunctionBinding> Read(CSharpCompilation compilation)
    {
        var bindings = new List<FunctionBinding>();
        foreach (var tree in compilation.SyntaxTrees.Where(t => FunctionsCompilation.IsFunctionsFile(t.FilePath)))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (FunctionName(method, model) is { } name)
                {
                    bindings.Add(Describe(name, method, model) with { IsOneExpression = method.ExpressionBody is not null });
                }
            }
        }

        return bindings;
    }

    private static string? FunctionName(MethodDeclarationSyntax method, SemanticModel model)
    {
        var attribute = method.AttributeLists.SelectMany(list => list.Attributes).FirstOrDefault(a => IsAttribute(a, model, "FunctionAttribute"));
        if (attribute?.ArgumentList?.Arguments.FirstOrDefault() is not { } argument)
        {
            return null;
        }

        return model.GetConstantValue(argument.Expression).Value as string ?? $"<not a constant: {argument.Expression}>";
    }

    private static FunctionBinding Describe(string name, MethodDeclarationSyntax method, SemanticModel model)
    {
        var line = method.GetLocation().GetLineSpan();
        var where = $"{line.Path}:{line.StartLinePosition.Line + 1}";
        foreach (var attribute in method.ParameterList.Parameters.SelectMany(p => p.AttributeLists).SelectMany(list => list.Attributes))
        {
            var kind = Triggers.FirstOrDefault(t => IsAttribute(attribute, model, t.Key)).Value;
            switch (kind)
            {
                case BindingKind.Orchestrator or BindingKind.Activity:
                    return new FunctionBinding(name, kind, where) { Implementation = SharedImplementation(method, model) };
                case BindingKind.Http:
                    return Http(name, where, attribute, model) with { Handler = ApiHandler(method, model) };
                case BindingKind.Timer:
                    return new FunctionBinding(name, kind, where) { Schedule = Constant(attribute.ArgumentList?.Arguments.FirstOrDefault(), model), Handler = ApiHandler(method, model) };
            }
        }

        return new FunctionBinding(name, BindingKind.Unknown, where);
    }

    private static FunctionBinding Http(string name, string where, AttributeSyntax attribute, SemanticModel model)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? [];
        var positional = arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        var level = positional.FirstOrDefault() is { } first && model.GetSymbolInfo(first.Expression).Symbol is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } field
            ? field.Name
            : null;
        var methods = positional.Skip(level is null ? 0 : 1)
            .Select(a => Constant(a, model)?.ToUpperInvariant() ?? $"<not a constant: {a.Expression}>")
            .Order(StringComparer.Ordinal)
            .ToList();
        var route = Constant(arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Route"), model);
        return new FunctionBinding(name, BindingKind.Http, where) { Methods = methods, Route = route, AuthorizationLevel = level };
    }

    // The first type argument of the generic SharedTasks call in the method body: the class the binding runs.
    private static string? SharedImplementation(MethodDeclarationSyntax method, SemanticModel model) =>
        method.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(invocation => model.GetSymbolInfo(invocation).Symbol as IMethodSymbol)
            .FirstOrDefault(symbol => symbol is { IsGenericMethod: true, ContainingType.Name: "SharedTasks" })
            ?.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));

    // The first method of a src/Api type the binding calls: the shared handler it hands the request to.
    private static string? ApiHandler(MethodDeclarationSyntax method, SemanticModel model) =>
        method.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(invocation => model.GetSymbolInfo(invocation).Symbol as IMethodSymbol)
            .Where(symbol => symbol?.ContainingNamespace.ToDisplayString().StartsWith("Serverless.Api", StringComparison.Ordinal) == true)
            .Select(symbol => $"{symbol!.ContainingType.Name}.{symbol.Name}")
            .FirstOrDefault();

    private static string? Constant(AttributeArgumentSyntax? argument, SemanticModel model) =>
        argument is null ? null : model.GetConstantValue(argument.Expression).Value as string;

    private static bool IsAttribute(AttributeSyntax attribute, SemanticModel model, string typeName) =>
        model.GetSymbolInfo(attribute).Symbol?.ContainingType?.Name == typeName
        || attribute.Name.ToString().Split('.')[^1] is var simple && (simple == typeName || simple + "Attribute" == typeName);
}
