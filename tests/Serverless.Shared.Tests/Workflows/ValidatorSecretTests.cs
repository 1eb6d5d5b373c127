using System.Diagnostics.CodeAnalysis;
using Serverless.Secrets;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Expressions;
using Serverless.Workflows.Templates;
using Serverless.Workflows.Validation;
using static Serverless.Shared.Tests.Workflows.Definitions;

namespace Serverless.Shared.Tests.Workflows;

/// <summary>Publish-time rules of <c>{{secrets.NAME}}</c> references, and what a reference evaluates to in the orchestrator.</summary>
public class ValidatorSecretTests
{
    private static readonly ValidationOptions SecretOptions = Options with
    {
        Secrets = new KnownSecrets("SHOP_TOKEN", "_other"),
        SecretActivities = new HashSet<string>(StringComparer.Ordinal) { "http", "echo" },
    };

    [Fact]
    public void Validate_ReferencesInHttpInput_Accepted()
    {
        var step = """
            { "id": "call", "kind": "activity", "activity": "http",
              "input": { "url": "https://shop.example/o?k={{secrets.SHOP_TOKEN}}",
                         "headers": { "Authorization": "Bearer {{ secrets.SHOP_TOKEN }}" },
                         "body": { "nested": ["{{secrets._other}}"] } },
              "fallback": { "activity": "echo", "input": "{{secrets._other}}" } }
            """;

        Valid(StepProblems(step, options: SecretOptions));
    }

    [Fact]
    public void Validate_UnknownSecret_ReportsItsLocation()
    {
        var step = """{ "id": "call", "kind": "activity", "activity": "http", "input": { "headers": { "X-Key": "{{secrets.MISSING}}" } } }""";

        var problem = Single(StepProblems(step, options: SecretOptions), DiagnosticCodes.UnknownSecret);

        Assert.Equal("$.steps[0].input.headers['X-Key']", problem.Path);
        Assert.NotNull(problem.Position);
        Assert.Equal("Secret 'MISSING' is not configured (app setting Secrets__MISSING).", problem.Message);
    }

    [Theory]
    [InlineData("""{ "id": "s", "kind": "switch", "cases": [ { "when": "secrets.SHOP_TOKEN == 'x'", "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] } ] }""", "$.steps[0].cases[0].when")]
    [InlineData("""{ "id": "a", "kind": "activity", "activity": "echo", "assign": { "t": "{{secrets.SHOP_TOKEN}}" } }""", "$.steps[0].assign.t")]
    [InlineData("""{ "id": "w", "kind": "workflow", "workflow": "child", "version": 1, "input": { "t": "{{secrets.SHOP_TOKEN}}" } }""", "$.steps[0].input.t")]
    [InlineData("""{ "id": "ok", "kind": "approval", "approvers": ["ann"], "request": { "text": "token {{secrets.SHOP_TOKEN}}" } }""", "$.steps[0].request.text")]
    [InlineData("""{ "id": "l", "kind": "loop", "maxIterations": 2, "while": "secrets.SHOP_TOKEN", "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }""", "$.steps[0].while")]
    public void Validate_ReferenceOutsideActivityInput_ReportsSecretNotAllowed(string step, string path)
    {
        var problem = Single(StepProblems(step, options: SecretOptions), DiagnosticCodes.SecretNotAllowed);

        Assert.Equal(path, problem.Path);
        Assert.Contains("only resolved in an activity's input", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"output\": { \"t\": \"{{secrets.SHOP_TOKEN}}\" }", "$.output.t")]
    [InlineData("\"vars\": { \"t\": \"{{secrets.SHOP_TOKEN}}\" }", "$.vars.t")]
    public void Validate_ReferenceInOutputOrVars_ReportsSecretNotAllowed(string extra, string path)
    {
        var problem = Single(StepProblems(Echo, extra, SecretOptions), DiagnosticCodes.SecretNotAllowed);

        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Validate_ReferenceInsideLargerExpression_ReportsSecretNotAllowed()
    {
        var step = """{ "id": "a", "kind": "activity", "activity": "echo", "input": "{{ 'Bearer ' + secrets.SHOP_TOKEN }}" }""";

        var problem = Single(StepProblems(step, options: SecretOptions), DiagnosticCodes.SecretNotAllowed);

        Assert.Contains("template hole of its own", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReferenceInActivityThatStoresInput_ReportsSecretsNotAccepted()
    {
        var step = """{ "id": "a", "kind": "activity", "activity": "audit", "input": { "event": "x", "token": "{{secrets.SHOP_TOKEN}}" } }""";

        var problem = Single(StepProblems(step, options: SecretOptions), DiagnosticCodes.SecretsNotAccepted);

        Assert.Equal("$.steps[0].input.token", problem.Path);
        Assert.Contains("Activity 'audit' does not accept secret references", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{secrets}}")]
    [InlineData("{{secrets.A.B}}")]
    [InlineData("{{secrets['has-dash']}}")]
    [InlineData("{{secrets[input.name]}}")]
    public void Validate_MalformedReference_ReportsInvalidExpression(string text)
    {
        var step = $$"""{ "id": "a", "kind": "activity", "activity": "http", "input": { "url": "{{text}}" } }""";

        var problem = Single(StepProblems(step, options: SecretOptions), DiagnosticCodes.InvalidExpression);

        Assert.Contains("Secret references have the form secrets.NAME", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NameLongerThanLimit_ReportsInvalidExpression()
    {
        var reference = "{{secrets." + new string('A', SecretName.MaxLength + 1) + "}}";
        var step = $$"""{ "id": "a", "kind": "activity", "activity": "http", "input": { "url": "{{reference}}" } }""";

        Single(StepProblems(step, options: SecretOptions), DiagnosticCodes.InvalidExpression);
    }

    [Fact]
    public void Evaluate_Reference_YieldsReferenceTextNeverAValue()
    {
        var template = JsonTemplate.Parse(System.Text.Json.Nodes.JsonNode.Parse("""{ "a": "Bearer {{ secrets.SHOP_TOKEN }}", "b": "{{secrets._other}}" }"""));

        var value = template.Evaluate(new EvaluationScope());

        Assert.Equal("""{"a":"Bearer {{secrets.SHOP_TOKEN}}","b":"{{secrets._other}}"}""", value!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(2, template.SecretReferenceCount);
        Assert.Equal(2, SecretReference.Count(value));
    }

    private sealed class KnownSecrets(params string[] names) : ISecretSource
    {
        public bool Exists(string name) => names.Contains(name, StringComparer.Ordinal);

        public bool TryGet(string name, [NotNullWhen(true)] out string? value)
        {
            value = Exists(name) ? "value-of-" + name : null;
            return value is not null;
        }
    }
}
