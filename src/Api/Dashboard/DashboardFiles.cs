using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Serverless.Api.Http;

namespace Serverless.Api.Dashboard;

/// <summary>
/// The browser dashboard: plain HTML, CSS and ES modules embedded in this assembly (<c>Dashboard/wwwroot</c>), served
/// as they are by both hosts, so there is nothing to build and nothing to deploy beside the app. Files are answered
/// with an ETag (revalidated on each load) and a content security policy that allows only this origin.
/// </summary>
public static class DashboardFiles
{
    private const string ResourcePrefix = "dashboard/";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<FrozenDictionary<string, DashboardFile>> Files = new(Load);

    /// <summary>The relative paths of every embedded file (<c>index.html</c>, <c>js/app.js</c>, …).</summary>
    public static IReadOnlyCollection<string> Paths => Files.Value.Keys;

    /// <summary>Answers a request for one dashboard file; the bare folder redirects to its trailing-slash form.</summary>
    /// <param name="request">The request (its path decides the redirect).</param>
    /// <param name="path">The file path under the dashboard, or null/empty for the page itself.</param>
    /// <returns>The file, a redirect, or a 404 problem.</returns>
    public static IResult Get(HttpRequest request, string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(path))
        {
            if (!request.Path.Value!.EndsWith('/'))
            {
                // Relative module URLs (./js/app.js) resolve against the folder only with the slash.
                return Results.Redirect($"{request.PathBase}{request.Path}/");
            }

            path = "index.html";
        }

        if (!Files.Value.TryGetValue(path, out var file))
        {
            return Problems.Create(StatusCodes.Status404NotFound, "Not found", $"The dashboard has no file '{path}'.");
        }

        var headers = request.HttpContext.Response.Headers;
        headers[HeaderNames.CacheControl] = "no-cache";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        return Results.Bytes(file.Content, file.ContentType, entityTag: file.ETag);
    }

    private static FrozenDictionary<string, DashboardFile> Load()
    {
        var assembly = typeof(DashboardFiles).Assembly;
        var files = new Dictionary<string, DashboardFile>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
            files[normalized[ResourcePrefix.Length..]] = new DashboardFile(content, ContentType(normalized), tag);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    private sealed record DashboardFile(byte[] Content, string ContentType, EntityTagHeaderValue ETag);
}
