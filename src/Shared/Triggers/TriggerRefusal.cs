namespace Serverless.Triggers;

/// <summary>Why a delivery was refused: a stable <see cref="Reason"/> for counts and audit, an HTTP status, and a sentence for the caller.</summary>
/// <param name="Reason">The stable reason code, e.g. <c>badSignature</c>.</param>
/// <param name="Status">The HTTP status to answer with.</param>
/// <param name="Detail">What the caller is told; never a secret or what the secret would have produced.</param>
public sealed record TriggerRefusal(string Reason, int Status, string Detail);
