namespace Serverless.Tests.Infrastructure;

/// <summary>A fact that needs Azurite: skipped when it is unreachable, unless CI=true (then it runs and fails).</summary>
public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute()
    {
        Skip = AzuriteEnvironment.SkipReason!;
    }
}
