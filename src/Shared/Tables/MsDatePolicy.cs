using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Tables;

/// <summary>Stamps <c>x-ms-date</c> on every attempt of a bearer-token request (Shared Key signs its own).</summary>
internal sealed class MsDatePolicy(TimeProvider time) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("x-ms-date", time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture));
}
