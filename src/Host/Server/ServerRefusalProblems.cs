using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Serverless.Host.Server;

/// <summary>
/// Kestrel refuses some requests before any middleware sees them (a <c>%00</c> or other invalid request target, a
/// malformed request line, headers over the size limit) and answers them with an empty 4xx. This connection
/// middleware gives those answers the <c>application/problem+json</c> body every other refusal of the API has:
/// it rewrites a server-written 4xx response head that carries no body (<see cref="RefusalRewriter"/>).
/// </summary>
internal static class ServerRefusalProblems
{
    /// <summary>Adds the middleware to every endpoint Kestrel listens on.</summary>
    /// <param name="options">Kestrel's options.</param>
    public static void UseOnEveryEndpoint(KestrelServerOptions options) =>
        options.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            connection.Transport = new RewritingPipe(connection.Transport);
            return next(connection);
        }));

    private sealed class RewritingPipe(IDuplexPipe inner) : IDuplexPipe
    {
        public PipeReader Input { get; } = inner.Input;

        public PipeWriter Output { get; } = new RefusalRewriter(inner.Output);
    }
}
