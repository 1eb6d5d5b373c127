using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace Serverless.Functions.Adapters;

/// <summary>
/// The raw response Azure.Core's <see cref="Page{T}"/> requires. Pages from the Durable client did not
/// come over our HTTP pipeline, so there are no headers or content to show.
/// </summary>
internal sealed class DurablePageResponse : Response
{
    /// <summary>The shared instance.</summary>
    public static DurablePageResponse Instance { get; } = new();

    /// <inheritdoc />
    public override int Status => 200;

    /// <inheritdoc />
    public override string ReasonPhrase => "OK";

    /// <inheritdoc />
    public override Stream? ContentStream { get; set; }

    /// <inheritdoc />
    public override string ClientRequestId { get; set; } = string.Empty;

    /// <inheritdoc />
    public override void Dispose()
    {
    }

    /// <inheritdoc />
    protected override bool ContainsHeader(string name) => false;

    /// <inheritdoc />
    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

    /// <inheritdoc />
    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    /// <inheritdoc />
    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = null;
        return false;
    }
}
