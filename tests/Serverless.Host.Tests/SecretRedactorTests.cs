using Microsoft.Extensions.Configuration;
using Serverless.Api.Logging;
using Serverless.Host.Logging;

namespace Serverless.Host.Tests;

public sealed class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(["the-admin-key-0123456789"]);

    [Theory]
    [InlineData("Request starting HTTP/1.1 GET http://127.0.0.1:7071/api/x?code=abc123&top=1", "Request starting HTTP/1.1 GET http://127.0.0.1:7071/api/x?code=***&top=1")]
    [InlineData("GET /x?a=1&CODE=zz", "GET /x?a=1&CODE=***")]
    [InlineData("key is the-admin-key-0123456789.", "key is ***.")]
    [InlineData("x-functions-key: abc, x-ms-client-principal-name: alice", "x-functions-key: ***, x-ms-client-principal-name: ***")]
    [InlineData("Authorization: Bearer eyJhbGciOi", "Authorization: ***")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=***;EndpointSuffix=core.windows.net")]
    [InlineData("https://acct.blob.core.windows.net/c?sv=2024&sig=abc%2Fdef", "https://acct.blob.core.windows.net/c?sv=2024&sig=***")]
    public void Redact_SecretInText_IsMasked(string text, string expected)
    {
        Assert.Equal(expected, _redactor.Redact(text));
    }

    [Theory]
    [InlineData("Workflow echo-flow@1 started as order-42.")]
    [InlineData("This route needs a key: send it in the x-functions-key header or the code query parameter.")]
    [InlineData("GET /api/definitions?top=10")]
    public void Redact_NoSecret_ReturnsTheSameText(string text)
    {
        Assert.Same(text, _redactor.Redact(text));
    }

    [Fact]
    public void Redact_ConfiguredSecretValue_MaskedRawAndUrlEncodedAndAfterReload()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Secrets:SHOP"] = "shop/key 1" }).Build();
        var redactor = new SecretRedactor([], new ConfiguredSecretValues(configuration));

        Assert.Equal("GET /x/*** and ***", redactor.Redact("GET /x/shop%2Fkey%201 and shop/key 1"));

        configuration["Secrets:NEW"] = "rotated-value";
        configuration.Reload();

        Assert.Equal("token ***", redactor.Redact("token rotated-value"));
    }
}
