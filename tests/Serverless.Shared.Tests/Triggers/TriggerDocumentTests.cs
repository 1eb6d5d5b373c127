using System.Text.Json.Nodes;
using Serverless.Triggers;
using Serverless.Workflows.Expressions;

namespace Serverless.Tests.Triggers;

public sealed class TriggerDocumentTests
{
    [Fact]
    public void Parse_FullDocument_ReadsAuthDefaultsAndRulesOverBodyAndHeaders()
    {
        var trigger = TriggerDocument.Parse("shop", """
            { "description": "d", "auth": { "mode": "timestampedSignature", "secret": "SHOP" },
              "rules": [ { "id": "paid", "when": "body.status == 'paid' && headers['x-shop'] == 'main'",
                           "start": { "workflow": "order-saga", "version": 3, "input": { "id": "{{body.id}}", "n": "{{body.n + 1}}" }, "instanceId": "order-{{body.id}}" } },
                         { "id": "all", "start": { "workflow": "audit-flow" } } ] }
            """);

        Assert.Equal((TriggerAuthMode.TimestampedSignature, "Stripe-Signature", 300), (trigger.Auth.Mode, trigger.Auth.Header, trigger.Auth.ToleranceSeconds));
        var scope = new EvaluationScope
        {
            Values = new Dictionary<string, JsonNode?> { ["body"] = JsonNode.Parse("""{"status":"paid","id":"o-9","n":1}"""), ["headers"] = new JsonObject { ["x-shop"] = "main" } },
        };
        var paid = trigger.Rules[0];
        Assert.True(paid.When!.IsTrue(scope));
        Assert.Equal("""{"id":"o-9","n":2}""", paid.Input!.Evaluate(scope)!.ToJsonString());
        Assert.Equal("order-o-9", paid.InstanceId!.Evaluate(scope)!.GetValue<string>());
        Assert.Equal((3, null, null, null), (paid.Version, trigger.Rules[1].When, trigger.Rules[1].Input, trigger.Rules[1].InstanceId));
    }

    [Theory]
    [InlineData("""{"auth":{"mode":"key","secret":"K"},"rules":[{"id":"a","when":"vars.x","start":{"workflow":"w"}}]}""", "$.rules[0].when")]
    [InlineData("""{"auth":{"mode":"key","secret":"K"},"rules":[{"id":"a","start":{"workflow":"w","input":{"x":["{{now}}"]}}}]}""", "$.rules[0].start.input.x[0]")]
    [InlineData("""{"auth":{"mode":"key","secret":"K","toleranceSeconds":5},"rules":[{"id":"a","start":{"workflow":"w"}}]}""", "$.auth.toleranceSeconds")]
    [InlineData("""{"auth":{"mode":"timestampedSignature","secret":"K","toleranceSeconds":3601},"rules":[{"id":"a","start":{"workflow":"w"}}]}""", "$.auth.toleranceSeconds")]
    [InlineData("""{"auth":{"mode":"key","secret":"K"},"rules":[{"id":"a","start":{"workflow":"w","version":0}}]}""", "$.rules[0].start.version")]
    [InlineData("""{"auth":{"mode":"key","secret":"K"},"rules":[{"id":"a","start":{"workflow":"w","instanceId":"a/b"}}]}""", "$.rules[0].start.instanceId")]
    [InlineData("""{"auth":{"mode":"key","secret":"K"},"rules":[{"id":"a","start":{"workflow":"w","wait":true}}]}""", "$.rules[0].start.wait")]
    [InlineData("""{"auth":{"mode":"key","secret":"K"},"rules":{"id":"a"}}""", "$.rules")]
    [InlineData("""{"auth":{"mode":"key"},"rules":[{"id":"a","start":{"workflow":"w"}}]}""", "$.auth.secret")]
    [InlineData("""[1]""", "$")]
    [InlineData("""{"auth":{"mode":1,"secret":"K"},"rules":[{"id":"a","start":{"workflow":"w"}}]}""", "$.auth.mode")]
    [InlineData("""{"auth":{"mode":"key","secret":["K"]},"rules":[{"id":"a","start":{"workflow":"w"}}]}""", "$.auth.secret")]
    [InlineData("""{"auth":{"mode":"key","secret":"K"},"rules":[{"id":5,"start":{"workflow":"w"}}]}""", "$.rules[0].id")]
    [InlineData("""{"auth":{"mode":"key","secret":"K"},"rules":[{"id":"a","start":{"workflow":""}}]}""", "$.rules[0].start.workflow")]
    public void Parse_OneProblem_LocatesIt(string json, string path)
    {
        var error = Assert.Throws<TriggerDefinitionException>(() => TriggerDocument.Parse("t", json));

        Assert.Equal(path, Assert.Single(error.Problems).Path);
    }
}
