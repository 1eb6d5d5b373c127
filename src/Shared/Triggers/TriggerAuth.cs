namespace Serverless.Triggers;

/// <summary>How a trigger authenticates its deliveries. The secret is named, never stored: its value is read when a delivery arrives.</summary>
public sealed record TriggerAuth
{
    /// <summary>The default tolerance of <see cref="TriggerAuthMode.TimestampedSignature"/>, in seconds.</summary>
    public const int DefaultToleranceSeconds = 300;

    /// <summary>The largest tolerance accepted, in seconds.</summary>
    public const int MaxToleranceSeconds = 3600;

    /// <summary>The mode.</summary>
    public required TriggerAuthMode Mode { get; init; }

    /// <summary>The name of the secret (<c>Secrets__NAME</c> app setting) that keys the signature or is the key.</summary>
    public required string Secret { get; init; }

    /// <summary>The header that carries the key or signature.</summary>
    public required string Header { get; init; }

    /// <summary>How far a signed timestamp may be from now, in seconds (<see cref="TriggerAuthMode.TimestampedSignature"/> only).</summary>
    public int ToleranceSeconds { get; init; } = DefaultToleranceSeconds;

    /// <summary>The header a mode uses unless the trigger names another.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>The header name.</returns>
    public static string DefaultHeader(TriggerAuthMode mode) => mode switch
    {
        TriggerAuthMode.Key => "x-trigger-key",
        TriggerAuthMode.Signature => "X-Hub-Signature-256",
        _ => "Stripe-Signature",
    };
}
