using Microsoft.AspNetCore.Http;
using Serverless.Durable;

namespace Serverless.Api.Http;

/// <summary>
/// Who is calling: the <see cref="Access.Caller"/> the route guard established (a principal or a named key), else the
/// header App Service authentication (Easy Auth) sets after signing the caller in: <c>x-ms-client-principal-name</c>.
/// In Azure the platform strips any client-sent copy; the local host trusts it behind its key (docs/security.md).
/// </summary>
public static class CallerIdentity
{
    /// <summary>The principal-name header.</summary>
    public const string PrincipalNameHeader = "x-ms-client-principal-name";

    /// <summary>The longest principal name accepted.</summary>
    public const int MaxLength = 256;

    private const string CallerItem = "serverless.caller";

    /// <summary>The caller the route guard established for this request, or null before (or without) it.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The caller, or null.</returns>
    public static Access.Caller? Caller(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Items.TryGetValue(CallerItem, out var caller) ? caller as Access.Caller : null;
    }

    /// <summary>Records the caller the route guard established.</summary>
    /// <param name="request">The request.</param>
    /// <param name="caller">The caller.</param>
    public static void SetCaller(HttpRequest request, Access.Caller caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Items[CallerItem] = caller;
    }

    /// <summary>The caller's name, or null when the request carries none.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The name, or null.</returns>
    /// <exception cref="ApiProblemException">400 when the name is too long or holds control, invisible format (such as
    /// bidirectional overrides) or separator characters: it would show in the audit trail as someone else.</exception>
    public static string? Name(HttpRequest request) => Caller(request) is { } caller ? caller.Name : HeaderName(request);

    /// <summary>The name in the <see cref="PrincipalNameHeader"/> header, or null when there is none.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The name, or null.</returns>
    /// <exception cref="ApiProblemException">400 when the name is too long or not display-safe.</exception>
    public static string? HeaderName(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Headers[PrincipalNameHeader].ToString().Trim();
        if (name.Length == 0)
        {
            return null;
        }

        if (name.Length > MaxLength)
        {
            throw new ApiProblemException(400, "Invalid principal name", $"The {PrincipalNameHeader} header is {name.Length} characters; at most {MaxLength} are accepted.");
        }

        return DisplaySafeText.Problem(name, $"The {PrincipalNameHeader} header") is { } problem
            ? throw new ApiProblemException(400, "Invalid principal name", problem)
            : name;
    }

    /// <summary>The caller's name, or <paramref name="fallback"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="fallback">Used when there is no principal.</param>
    /// <returns>The name.</returns>
    public static string NameOr(HttpRequest request, string fallback) => Name(request) ?? fallback;
}
