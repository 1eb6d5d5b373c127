namespace Serverless.Activities.General;

/// <summary>Limits of the <c>http</c> activity.</summary>
public sealed record HttpActivityOptions
{
    /// <summary>The named <see cref="System.Net.Http.HttpClient"/> the activity uses.</summary>
    public const string ClientName = "serverless-http";

    /// <summary>Per-attempt timeout when the input gives none.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest per-attempt timeout an input may ask for.</summary>
    public TimeSpan MaxTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts when the input gives none.</summary>
    public int DefaultMaxAttempts { get; init; } = 3;

    /// <summary>The most attempts an input may ask for.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>The wait before the first retry when the server sends no Retry-After; doubled each retry.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, including a server's Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
