using System.Net;
using Azure.Core.Pipeline;
using Serverless.Tables;

namespace Serverless.Tests.Tables;

/// <summary>An HTTP handler under Azure.Core's real transport that records requests and answers from a script.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = [];

    public RecordingHandler Then(HttpStatusCode status, string? body = null, string? contentType = null)
    {
        _responses.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new StringContent(body);
                if (contentType is not null)
                {
                    response.Content.Headers.Remove("Content-Type");
                    response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            return response;
        });
        return this;
    }

    public TableClientOptions Options()
    {
        var options = new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(this)) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        return options;
    }

    public TableClient Client(string table = "mytable") =>
        new(new Uri("http://127.0.0.1:10002/devstoreaccount1"), table, new TableSharedKeyCredential(
            TableConnectionString.DevelopmentAccountName, TableConnectionString.DevelopmentAccountKey), Options());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        return _responses.Count > 0 ? _responses.Dequeue()() : new HttpResponseMessage(HttpStatusCode.NoContent);
    }
}
