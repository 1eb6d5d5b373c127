using System.Globalization;
using Microsoft.Extensions.Configuration;
using Serverless.Api.Access;
using Serverless.Storage;

namespace Serverless.Host;

/// <summary>The local host's settings, read from configuration (local.settings.json <c>Values</c>, environment, command line).</summary>
public sealed record HostSettings
{
    /// <summary>The address the host listens on when no <c>urls</c> setting is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Folder of the SQLite files and the admin key.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// The product tables' storage connection from <c>AzureWebJobsStorage</c> (a connection string) or
    /// <c>AzureWebJobsStorage__tableServiceUri</c> / <c>__accountName</c> (identity-based); null selects SQLite.
    /// </summary>
    public TableStorageConnection? TableStorage { get; init; }

    /// <summary>
    /// <c>AzureWebJobsStorage</c> as a connection string, for Microsoft's AzureStorage engine (<c>DurableEngine=AzureStorage</c>);
    /// null when unset. Never logged: it may hold an account key.
    /// </summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>The admin key from configuration (<c>AdminKey</c>), or null to use/generate data/admin.key.</summary>
    public string? AdminKey { get; init; }

    /// <summary>
    /// Named keys with their roles (<c>Keys__NAME__Key</c>, <c>Keys__NAME__Roles</c>), besides the admin key; a caller
    /// with one is NAME when it sends no principal (docs/security.md).
    /// </summary>
    public IReadOnlyList<AccessKey> Keys { get; init; } = [];

    /// <summary>Largest request body, in bytes (<c>MaxRequestBodyBytes</c>).</summary>
    public int MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Retention of finished instances whose workflow sets none (<c>DefaultRetention</c>, a TimeSpan such as <c>30.00:00:00</c>).</summary>
    public TimeSpan DefaultRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Retention of audit rows (<c>AuditRetention</c>).</summary>
    public TimeSpan AuditRetention { get; init; } = TimeSpan.FromDays(365);

    /// <summary>How long a decision waits for its approval request to be recorded (<c>ApprovalRequestWait</c>).</summary>
    public TimeSpan ApprovalRequestWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the runtime's leases last (<c>LeaseDuration</c>): after a crash, a restarted host retakes the
    /// instances it was running once their leases expire. Null keeps the runtime default (30 s).
    /// </summary>
    public TimeSpan? LeaseDuration { get; init; }

    /// <summary>Whether the timer services run (<c>TimersEnabled</c>); tests drive the timer handlers directly.</summary>
    public bool TimersEnabled { get; init; } = true;

    /// <summary><c>DurableEngine</c>: <c>Embedded</c> (default) or <c>AzureStorage</c> (needs <c>AzureWebJobsStorage</c>).</summary>
    public Durable.DurableEngine DurableEngine { get; init; }

    /// <summary>
    /// Who a request that names no principal is (<c>LocalPrincipal</c>): the local stand-in for App Service
    /// authentication, so the dashboard's approvals inbox works on a laptop. Null leaves such requests anonymous.
    /// </summary>
    public string? LocalPrincipal { get; init; }

    /// <summary>Reads the settings.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="contentRoot">Where relative paths start.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="InvalidOperationException">A value has the wrong format; the message names the setting.</exception>
    public static HostSettings Read(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new HostSettings
        {
            DataDirectory = Path.GetFullPath(configuration["DataDirectory"] is { Length: > 0 } data ? data : "data", contentRoot),
            TableStorage = Storage(configuration),
            StorageConnectionString = configuration["AzureWebJobsStorage"] is { Length: > 0 } storage ? storage : null,
            AdminKey = configuration["AdminKey"] is { Length: > 0 } key ? key : null,
            Keys = AccessKeys.Read(configuration, "admin"),
            MaxRequestBodyBytes = Int(configuration, "MaxRequestBodyBytes") ?? 1024 * 1024,
            DefaultRetention = Span(configuration, "DefaultRetention") ?? TimeSpan.FromDays(30),
            AuditRetention = Span(configuration, "AuditRetention") ?? TimeSpan.FromDays(365),
            LeaseDuration = Span(configuration, "LeaseDuration"),
            ApprovalRequestWait = Span(configuration, "ApprovalRequestWait") ?? TimeSpan.FromSeconds(10),
            TimersEnabled = !string.Equals(configuration["TimersEnabled"], "false", StringComparison.OrdinalIgnoreCase),
            DurableEngine = Engine(configuration),
            LocalPrincipal = configuration["LocalPrincipal"]?.Trim() is { Length: > 0 } principal
                ? principal.Length <= 256 ? principal : throw new InvalidOperationException("Setting LocalPrincipal must be at most 256 characters.")
                : null,
        };
    }

    private static TableStorageConnection? Storage(IConfiguration configuration)
    {
        try
        {
            return TableStorageConnection.FromSettings(name => configuration[name]);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    private static Durable.DurableEngine Engine(IConfiguration configuration)
    {
        var text = configuration["DurableEngine"];
        if (string.IsNullOrEmpty(text))
        {
            return Durable.DurableEngine.Embedded;
        }

        // By name only: Enum.TryParse would also take "1".
        var name = Enum.GetNames<Durable.DurableEngine>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Setting DurableEngine must be Embedded or AzureStorage, not '{text}'.");
        var engine = Enum.Parse<Durable.DurableEngine>(name);

        return engine == Durable.DurableEngine.AzureStorage && string.IsNullOrEmpty(configuration["AzureWebJobsStorage"])
            ? throw new InvalidOperationException("Setting DurableEngine=AzureStorage needs AzureWebJobsStorage (UseDevelopmentStorage=true for Azurite).")
            : engine;
    }

    private static int? Int(IConfiguration configuration, string name) =>
        configuration[name] is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new InvalidOperationException($"Setting {name} must be a positive whole number, not '{text}'.");

    private static TimeSpan? Span(IConfiguration configuration, string name) =>
        configuration[name] is not { Length: > 0 } text ? null
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value
        : throw new InvalidOperationException($"Setting {name} must be a positive TimeSpan such as 30.00:00:00, not '{text}'.");
}
