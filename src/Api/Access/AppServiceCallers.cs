using Microsoft.Extensions.Configuration;

namespace Serverless.Api.Access;

/// <summary>
/// How the Functions app recognises callers (docs/security.md): the Functions host has checked the key; the caller's
/// roles are the app roles of its App Service authentication principal, plus those of its key: a named key
/// (<c>Keys__NAME__Key</c> set to the value of a Functions key), the master key (admin), or any other function key
/// (<c>FunctionKeyRoles</c>, by default <c>reader</c>).
/// </summary>
public static class AppServiceCallers
{
    /// <summary>The setting naming what a function key without a principal may do.</summary>
    public const string FunctionKeyRolesSetting = "FunctionKeyRoles";

    /// <summary>What a function key may do when <see cref="FunctionKeyRolesSetting"/> is not set.</summary>
    public const string DefaultFunctionKeyRoles = "reader";

    /// <summary>
    /// The setting App Service sets to <c>True</c> when its authentication is on: only then does it strip client-sent
    /// <c>x-ms-client-principal*</c> headers, so only then do a principal's roles count.
    /// </summary>
    public const string AuthEnabledSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>The resolver options the app settings describe.</summary>
    /// <param name="configuration">The app settings.</param>
    /// <param name="isMasterKey">Recognises the master key (<see cref="MasterKeyProbe"/>), or null.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it (never a key).</exception>
    public static CallerResolverOptions Options(IConfiguration configuration, Func<string, CancellationToken, ValueTask<bool>>? isMasterKey)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IReadOnlySet<ApiRole> keyRoles;
        try
        {
            keyRoles = ApiRoles.Parse(configuration[FunctionKeyRolesSetting] ?? DefaultFunctionKeyRoles, FunctionKeyRolesSetting);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        var keys = AccessKeys.Read(configuration);
        try
        {
            _ = new AccessKeys(keys);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        return new CallerResolverOptions
        {
            Keys = keys,
            OtherKeyRoles = keyRoles,
            PrincipalRolesTrusted = string.Equals(configuration[AuthEnabledSetting], "true", StringComparison.OrdinalIgnoreCase),
            IsMasterKey = isMasterKey,
        };
    }
}
