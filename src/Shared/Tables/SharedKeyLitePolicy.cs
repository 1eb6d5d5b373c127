using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Tables;

/// <summary>
/// Signs every attempt (it runs per retry, so each attempt carries a fresh <c>x-ms-date</c>) with the Table
/// service's Shared Key Lite scheme.
/// </summary>
internal sealed class SharedKeyLitePolicy(TableSharedKeyCredential credential, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        var date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var stringToSign = BuildStringToSign(date, message.Request.Uri.ToUri(), credential.AccountName);
        message.Request.Headers.SetValue(
            "Authorization",
            $"SharedKeyLite {credential.AccountName}:{credential.ComputeSignature(stringToSign)}");
    }

    /// <summary>
    /// <c>x-ms-date + "\n" + "/" + account + path</c>, plus <c>?comp=…</c> when the URI names a component.
    /// The path is the one sent on the wire (still percent-encoded), which is what the service canonicalises.
    /// </summary>
    internal static string BuildStringToSign(string date, Uri uri, string accountName)
    {
        var resource = "/" + accountName + uri.AbsolutePath;
        var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
        if (comp is not null)
        {
            resource += "?comp=" + comp;
        }

        return date + "\n" + resource;
    }
}
