using Microsoft.AspNetCore.Http;

namespace Serverless.Api.Http;

/// <summary>
/// Who is calling, from the header App Service authentication (Easy Auth) sets after signing the caller in:
/// <c>x-ms-client-principal-name</c>. In Azure the platform strips any client-sent copy; the local host trusts it
/// behind its key (docs/operations.md).
/// </summary>
public static class CallerIdentity
{
    /// <summary>The principal-name header.</summary>
    public const string PrincipalNameHeader = "x-ms-client-principal-name";

    /// <summary>The caller's name, or null when the request carries none.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The name, or null.</returns>
    public static string? Name(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Headers[PrincipalNameHeader].ToString().Trim();
        return name.Length is > 0 and <= 256 ? name : null;
    }

    /// <summary>The caller's name, or <paramref name="fallback"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="fallback">Used when there is no principal.</param>
    /// <returns>The name.</returns>
    public static string NameOr(HttpRequest request, string fallback) => Name(request) ?? fallback;
}
