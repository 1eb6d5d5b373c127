using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Serverless.Activities.Secrets;
using Serverless.Secrets;

namespace Serverless.Activities.Tests.Secrets;

public sealed class SecretResolverTests
{
    private const string Token = "tok-3f9a+b/c=";
    private const string Other = "other-value-77";

    private static readonly SecretResolver Resolver = new(Source(("SHOP_TOKEN", Token), ("_other", Other)));

    internal static ISecretSource Source(params (string Name, string Value)[] secrets) =>
        new ConfigurationSecretSource(new ConfigurationBuilder()
            .AddInMemoryCollection(secrets.Select(s => KeyValuePair.Create<string, string?>($"Secrets:{s.Name}", s.Value)))
            .Build());

    [Fact]
    public void Resolve_ReferencesAtAnyDepthAndInsideLongerStrings_ReplacedWithValues()
    {
        var input = JsonNode.Parse("""
            { "url": "https://shop.example/orders?key={{secrets.SHOP_TOKEN}}",
              "headers": { "Authorization": "Bearer {{secrets.SHOP_TOKEN}}" },
              "body": { "list": [ "{{ secrets._other }}", 5, true, null ], "plain": "{{input.x}} stays" } }
            """);

        var (resolved, mask) = Resolver.Resolve(input);

        Assert.Equal($"https://shop.example/orders?key={Token}", resolved!["url"]!.GetValue<string>());
        Assert.Equal($"Bearer {Token}", resolved["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Equal(Other, resolved["body"]!["list"]![0]!.GetValue<string>());
        Assert.Equal(5, resolved["body"]!["list"]![1]!.GetValue<int>());
        Assert.Equal("{{input.x}} stays", resolved["body"]!["plain"]!.GetValue<string>());
        Assert.False(mask.IsEmpty);
    }

    [Fact]
    public void Resolve_NoReference_EmptyMask()
    {
        var (resolved, mask) = Resolver.Resolve(JsonNode.Parse("""{ "a": "secrets.SHOP_TOKEN", "b": "{{ secret.SHOP_TOKEN }}" }"""));

        Assert.True(mask.IsEmpty);
        Assert.Equal("secrets.SHOP_TOKEN", resolved!["a"]!.GetValue<string>());
    }

    [Fact]
    public void Resolve_UnknownSecret_ThrowsNamingSecretAndPath()
    {
        var error = Assert.Throws<SecretNotFoundException>(() => Resolver.Resolve(JsonNode.Parse("""{ "headers": { "X-Key": "{{secrets.REMOVED}}" } }""")));

        Assert.Contains("'REMOVED'", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.headers['X-Key']", error.Message, StringComparison.Ordinal);
        Assert.Contains("Secrets__REMOVED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NameStartingWithDigit_ThrowsInvalidName()
    {
        var error = Assert.Throws<SecretNotFoundException>(() => Resolver.Resolve(JsonValue.Create("{{secrets.1TOKEN}}")));

        Assert.Contains("not a valid secret name", error.Message, StringComparison.Ordinal);
    }
}
