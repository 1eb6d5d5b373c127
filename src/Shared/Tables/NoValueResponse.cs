using Azure;

namespace Serverless.Tables;

/// <summary>The answer of a get-if-exists for an entity that does not exist.</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    /// <inheritdoc />
    public override bool HasValue => false;

    /// <inheritdoc />
    public override T Value => throw new InvalidOperationException("The entity does not exist; check HasValue first.");

    /// <inheritdoc />
    public override Response GetRawResponse() => response;
}
