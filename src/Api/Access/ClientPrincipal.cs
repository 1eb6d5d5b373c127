using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Serverless.Api.Http;
using Serverless.Durable;

namespace Serverless.Api.Access;

/// <summary>
/// The caller App Service authentication (Easy Auth) signed in, from its <c>x-ms-client-principal</c> header: base64 of
/// <c>{"auth_typ":…,"name_typ":…,"role_typ":…,"claims":[{"typ":…,"val":…}]}</c>. Parsed strictly: anything else is a
/// 400 problem, never a 500, and the header's value never appears in a message.
/// </summary>
/// <param name="IdentityProvider">The provider (<c>auth_typ</c>, e.g. <c>aad</c>).</param>
/// <param name="Name">The principal's name, or null when its claims carry none.</param>
/// <param name="RoleValues">Every role claim's value (Entra app roles), as sent.</param>
public sealed partial record ClientPrincipal(string? IdentityProvider, string? Name, IReadOnlyList<string> RoleValues)
{
    /// <summary>The header App Service authentication sets.</summary>
    public const string Header = "x-ms-client-principal";

    /// <summary>The longest header accepted, in characters (a token with hundreds of group claims fits).</summary>
    public const int MaxHeaderChars = 64 * 1024;

    /// <summary>The most claims accepted.</summary>
    public const int MaxClaims = 2000;

    private const string Title = "Invalid client principal";

    // Entra puts app roles in "roles"; App Service names the role claim type in role_typ (usually the WS-Fed role URI).
    private static readonly string[] RoleTypes = ["roles", "role", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    // Tried in order when name_typ names no claim: user tokens carry a name, app-only tokens an application id.
    private static readonly string[] NameTypes =
        ["name", "preferred_username", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "appid", "azp"];

    /// <summary>The principal in <paramref name="request"/>, or null when it sends no <see cref="Header"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The principal, or null.</returns>
    /// <exception cref="ApiProblemException">400 when the header is not a principal App Service would send.</exception>
    public static ClientPrincipal? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Headers[Header];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw new ApiProblemException(400, Title, $"The {Header} header was sent {values.Count} times; App Service authentication sends it once.");
        }

        return Parse(values[0] ?? string.Empty);
    }

    /// <summary>Parses a header value.</summary>
    /// <param name="header">The header's value.</param>
    /// <returns>The principal.</returns>
    /// <exception cref="ApiProblemException">400 when the value is not a principal App Service would send.</exception>
    public static ClientPrincipal Parse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = header.Trim();
        if (text.Length == 0 || text.Length > MaxHeaderChars)
        {
            throw Invalid($"The {Header} header is {text.Length} characters; it must hold 1 to {MaxHeaderChars}.");
        }

        var bytes = new byte[text.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var length))
        {
            throw Invalid($"The {Header} header is not base64.");
        }

        string json;
        try
        {
            json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid($"The {Header} header does not decode to UTF-8 text.");
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 });
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            throw Invalid($"The {Header} header does not decode to JSON.");
        }
    }

    private static ClientPrincipal FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"The {Header} header must decode to a JSON object.");
        }

        var provider = OptionalString(root, "auth_typ");
        if (provider is not null && !ProviderName().IsMatch(provider))
        {
            throw Invalid($"'auth_typ' in the {Header} header must be 1-64 letters, digits, '.', '_' or '-'.");
        }

        var nameType = OptionalString(root, "name_typ");
        var roleType = OptionalString(root, "role_typ");
        if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"The {Header} header must carry a 'claims' array.");
        }

        if (claims.GetArrayLength() > MaxClaims)
        {
            throw Invalid($"The {Header} header carries {claims.GetArrayLength()} claims; at most {MaxClaims} are accepted.");
        }

        var pairs = new List<(string Type, string Value)>();
        foreach (var claim in claims.EnumerateArray())
        {
            if (claim.ValueKind != JsonValueKind.Object
                || !claim.TryGetProperty("typ", out var type) || type.ValueKind != JsonValueKind.String
                || !claim.TryGetProperty("val", out var value) || value.ValueKind != JsonValueKind.String)
            {
                throw Invalid($"Claim {pairs.Count} of the {Header} header must be an object with string 'typ' and 'val'.");
            }

            pairs.Add((type.GetString()!, value.GetString()!));
        }

        var roles = pairs.Where(p => RoleTypes.Contains(p.Type, StringComparer.OrdinalIgnoreCase) || string.Equals(p.Type, roleType, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Value).ToList();
        var name = (nameType is null ? null : First(pairs, nameType)) ?? NameTypes.Select(t => First(pairs, t)).FirstOrDefault(n => n is not null);
        if (name is not null)
        {
            name = name.Trim();
            if (name.Length > Http.CallerIdentity.MaxLength)
            {
                throw Invalid($"The principal's name is {name.Length} characters; at most {Http.CallerIdentity.MaxLength} are accepted.");
            }

            if (DisplaySafeText.Problem(name, "The principal's name") is { } problem)
            {
                throw Invalid(problem);
            }
        }

        return new ClientPrincipal(provider, name is { Length: > 0 } ? name : null, roles);
    }

    private static string? First(List<(string Type, string Value)> pairs, string type) =>
        pairs.FirstOrDefault(p => string.Equals(p.Type, type, StringComparison.OrdinalIgnoreCase) && p.Value.Trim().Length > 0).Value;

    private static string? OptionalString(JsonElement root, string property) =>
        !root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Invalid($"'{property}' in the {Header} header must be a string.");

    private static ApiProblemException Invalid(string detail) => new(400, Title, detail);

    // Easy Auth's provider names (aad, google, github, apple, or a custom OpenID Connect provider's name).
    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderName();
}
