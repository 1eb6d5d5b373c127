using Xunit.Sdk;

namespace Serverless.Tests.Infrastructure;

/// <summary>
/// A fact of a contract suite. Inherited by several concrete classes; for those marked
/// <see cref="RequiresAzuriteAttribute"/> the discoverer applies the Azurite skip rule.
/// </summary>
[XunitTestCaseDiscoverer("Serverless.Tests.Infrastructure.StoreFactDiscoverer", "Serverless.Shared.Tests")]
public sealed class StoreFactAttribute : FactAttribute
{
}

/// <summary>Marks a test class whose facts need Azurite.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresAzuriteAttribute : Attribute
{
}
