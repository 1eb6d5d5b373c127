using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;
using Serverless.Tables;

namespace Serverless.Tests.Tables;

public sealed class TableAuthenticationTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);

    [Theory]
    // Expected signatures computed outside .NET: printf "$date\n$resource" | openssl dgst -sha256 -mac HMAC -macopt hexkey:<key> -binary | base64
    [InlineData("/mytable", "lNjZimCfzCvPuS+EiCIvGNIqlEX7NJNhdc8iOY/qm/A=")]
    [InlineData("/mytable(PartitionKey='a%20b',RowKey='c')", "JC0Co9pPVsBW6cfjdKH86fzD0v3F3iSWy5aNq1cstwg=")]
    public async Task SharedKeyLite_KnownVector_SignsPathStyleAzuriteResource(string path, string expectedSignature)
    {
        var http = new RecordingHandler();
        var credential = new TableSharedKeyCredential(TableConnectionString.DevelopmentAccountName, TableConnectionString.DevelopmentAccountKey);
        var pipeline = HttpPipelineBuilder.Build(http.Options(), new SharedKeyLitePolicy(credential, new FakeTimeProvider(s_now)));
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:10002/devstoreaccount1" + path));

        await pipeline.SendAsync(message, CancellationToken.None);

        var sent = Assert.Single(http.Requests).Request;
        Assert.Equal("Mon, 23 Nov 2026 19:00:00 GMT", sent.Headers.GetValues("x-ms-date").Single());
        Assert.Equal("SharedKeyLite devstoreaccount1:" + expectedSignature, sent.Headers.Authorization!.ToString());
    }

    [Fact]
    public void BuildStringToSign_CompQuery_IsPartOfTheResource()
    {
        var text = SharedKeyLitePolicy.BuildStringToSign("d", new Uri("https://acct.table.core.windows.net/?restype=service&comp=properties"), "acct");

        Assert.Equal("d\n/acct/?comp=properties", text);
    }

    [Fact]
    public async Task TokenCredential_Request_CarriesBearerTokenForStorageScope()
    {
        var http = new RecordingHandler();
        var credential = new RecordingCredential();
        var client = new TableClient(new Uri("https://acct.table.core.windows.net"), "mytable", credential, http.Options());

        await client.UpsertEntityAsync(new TableEntity("p", "r"));

        var sent = Assert.Single(http.Requests).Request;
        Assert.Equal("Bearer token-1", sent.Headers.Authorization!.ToString());
        Assert.True(sent.Headers.Contains("x-ms-date"));
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public async Task Pipeline_TransientFailure_IsRetriedByAzureCoreWithAFreshSignature()
    {
        var http = new RecordingHandler().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.NoContent);

        await http.Client().UpsertEntityAsync(new TableEntity("p", "r"));

        Assert.Equal(2, http.Requests.Count);
        Assert.All(http.Requests, r => Assert.StartsWith("SharedKeyLite devstoreaccount1:", r.Request.Headers.Authorization!.ToString(), StringComparison.Ordinal));
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return ValueTask.FromResult(new AccessToken("token-1", DateTimeOffset.UtcNow.AddHours(1)));
        }
    }
}
