namespace Serverless.Api.Routing;

/// <summary>Who may call a route; the same names and meaning as the Functions <c>AuthorizationLevel</c>.</summary>
public enum RouteAuthorization
{
    /// <summary>No key.</summary>
    Anonymous,

    /// <summary>A function key or the admin key.</summary>
    Function,

    /// <summary>A system key (the Durable extension's webhooks) or the admin key.</summary>
    System,

    /// <summary>The admin (master) key only.</summary>
    Admin,
}
