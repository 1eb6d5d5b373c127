namespace Serverless.Api.Access;

/// <summary>How a host recognises callers (docs/security.md).</summary>
public sealed record CallerResolverOptions
{
    /// <summary>The keys the host checks itself, each with its roles (locally: the admin key and the named keys).</summary>
    public IReadOnlyList<AccessKey> Keys { get; init; } = [];

    /// <summary>
    /// Roles of a caller whose key matches none of <see cref="Keys"/>, or null to refuse such a key (401). In Azure the
    /// Functions host has already checked the key, so this is what a plain function key may do (<c>FunctionKeyRoles</c>).
    /// </summary>
    public IReadOnlySet<ApiRole>? OtherKeyRoles { get; init; }

    /// <summary>
    /// Whether <c>x-ms-client-principal</c> roles count. Only where App Service authentication sets the header and strips
    /// any copy a client sent; locally a principal header names the caller but grants nothing.
    /// </summary>
    public bool PrincipalRolesTrusted { get; init; }

    /// <summary>
    /// Recognises the Functions master key among keys that match none of <see cref="Keys"/> (it grants
    /// <see cref="ApiRole.Admin"/>); null where there is none.
    /// </summary>
    public Func<string, CancellationToken, ValueTask<bool>>? IsMasterKey { get; init; }
}
