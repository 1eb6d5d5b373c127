using Serverless.Api.Http;

namespace Serverless.Host;

/// <summary>
/// The local host's stand-in for App Service authentication: with the <c>LocalPrincipal</c> setting, a request that
/// carries no <c>x-ms-client-principal-name</c> is treated as that user. A browser cannot set the header itself, so
/// this is how the dashboard's approvals inbox gets an approver on a laptop; a request that names one keeps it (the
/// local host trusts the header behind its key, docs/operations.md).
/// </summary>
internal static class LocalPrincipal
{
    /// <summary>Adds the middleware when the setting is present.</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication UseLocalPrincipal(this WebApplication app)
    {
        var name = app.Services.GetRequiredService<HostSettings>().LocalPrincipal;
        if (name is not null)
        {
            app.Use((context, next) =>
            {
                if (CallerIdentity.Name(context.Request) is null)
                {
                    context.Request.Headers[CallerIdentity.PrincipalNameHeader] = name;
                }

                return next(context);
            });
        }

        return app;
    }
}
