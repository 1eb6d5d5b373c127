using System.Text.Json.Nodes;
using Serverless.Activities.General;
using Serverless.Activities.Secrets;

namespace Serverless.Activities.Tests.Secrets;

public sealed class SecretMaskTests
{
    private const string Value = "p@ss word+/=";

    private readonly SecretMask _mask = new([Value, "12345678"]);

    [Fact]
    public void ApplyText_RawAndUrlEncodedForms_Masked()
    {
        var text = $"raw {Value} escaped {Uri.EscapeDataString(Value)} form {System.Net.WebUtility.UrlEncode(Value)}";

        Assert.Equal("raw *** escaped *** form ***", _mask.Apply(text));
    }

    [Fact]
    public void ApplyJson_ValuesNamesAndNumbers_Masked()
    {
        var tree = new JsonObject
        {
            ["echo"] = $"Bearer {Value}",
            [Value] = "as a key",
            ["list"] = new JsonArray("ok", $"<{Value}>"),
            ["pin"] = 12345678,
            ["other"] = 42,
        };

        var masked = _mask.Apply(tree)!.ToJsonString();

        Assert.DoesNotContain(Value, masked, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", masked, StringComparison.Ordinal);
        Assert.Contains("Bearer ***", masked, StringComparison.Ordinal);
        Assert.Contains("\"***\":\"as a key\"", masked, StringComparison.Ordinal);
        Assert.Contains("\"other\":42", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyException_StandardConstructors_KeepsTypeMasksMessageAndInner()
    {
        var thrown = Throw(() => throw new HttpStatusException($"GET https://x/{Value} returned 500", new InvalidOperationException($"inner {Value}")));

        var masked = _mask.Apply(thrown);

        var http = Assert.IsType<HttpStatusException>(masked);
        Assert.Equal("GET https://x/*** returned 500", http.Message);
        Assert.Equal("inner ***", Assert.IsType<InvalidOperationException>(http.InnerException).Message);
        Assert.Contains(nameof(Throw), masked.StackTrace, StringComparison.Ordinal);
        Assert.DoesNotContain(Value, masked.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyException_NoConstructorForMessage_SecretMaskedExceptionNamingOriginal()
    {
        var masked = _mask.Apply(new OddException(7, Value));

        var stand = Assert.IsType<SecretMaskedException>(masked);
        Assert.Equal(typeof(OddException).FullName, stand.OriginalType);
        Assert.DoesNotContain(Value, stand.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyException_NoValueInside_SameInstance()
    {
        var error = new InvalidOperationException("nothing to hide");

        Assert.Same(error, _mask.Apply(error));
    }

    private static Exception Throw(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("Nothing was thrown.");
    }

    private sealed class OddException(int code, string value) : Exception($"odd {code} {value}");
}
