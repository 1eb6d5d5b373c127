namespace Serverless.Audit;

/// <summary>
/// Audit trails that belong to no instance (a trigger's deliveries, refused calls). Their ids start with
/// <see cref="Prefix"/>, which <see cref="Serverless.Durable.InstanceIds"/> refuses for instances, so no instance can
/// write into them or be confused with them.
/// </summary>
public static class AuditStreams
{
    /// <summary>The first character of every stream id that is not an instance.</summary>
    public const char Prefix = '~';

    /// <summary>Calls refused for lack of a role.</summary>
    public const string Access = "~access";

    /// <summary>The deliveries of one trigger.</summary>
    /// <param name="trigger">The trigger's name.</param>
    /// <returns>The stream id.</returns>
    public static string Trigger(string trigger)
    {
        ArgumentException.ThrowIfNullOrEmpty(trigger);
        return "~trigger." + trigger;
    }
}
