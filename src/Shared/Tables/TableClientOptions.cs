using Azure.Core;

namespace Serverless.Tables;

/// <summary>
/// Pipeline options for <see cref="TableServiceClient"/> and <see cref="TableClient"/>: retries, network
/// timeout, transport and diagnostics come from Azure.Core's <see cref="ClientOptions"/>.
/// </summary>
public sealed class TableClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as <c>x-ms-version</c>.</summary>
    public string ServiceVersion { get; init; } = "2020-12-06";
}
