namespace Serverless.Triggers;

/// <summary>How a webhook caller proves it may fire a trigger. Every mode compares in constant time.</summary>
public enum TriggerAuthMode
{
    /// <summary>The secret itself in a header (default <c>x-trigger-key</c>).</summary>
    Key,

    /// <summary>
    /// <c>sha256=&lt;hex&gt;</c>: HMAC-SHA256 of the raw body keyed with the secret, as GitHub signs webhooks (default
    /// header <c>X-Hub-Signature-256</c>).
    /// </summary>
    Signature,

    /// <summary>
    /// <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>: HMAC-SHA256 of <c>"{t}.{raw body}"</c>, as Stripe signs webhooks (default
    /// header <c>Stripe-Signature</c>); a timestamp further than the tolerance from now is refused, so a captured
    /// delivery cannot be replayed later.
    /// </summary>
    TimestampedSignature,
}
