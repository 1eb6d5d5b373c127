namespace Serverless.Api.Logging;

/// <summary>Stands in for an exception whose text held a secret: the original type's name and its masked text.</summary>
/// <param name="originalType">The original exception's type.</param>
/// <param name="text">The original exception's <see cref="Exception.ToString"/>, masked.</param>
public sealed class RedactedException(string originalType, string text) : Exception($"{originalType} (redacted)")
{
    /// <summary>The original exception's type.</summary>
    public string OriginalType { get; } = originalType;

    /// <inheritdoc />
    public override string ToString() => text;
}
