using Microsoft.Extensions.Configuration;
using Serverless.Storage;

namespace Serverless.Functions;

/// <summary>
/// The product's tables (definitions, schedules, approvals, audit) in the Function App's storage account,
/// reached the way the Functions host reaches it: a connection string in <c>AzureWebJobsStorage</c>
/// (Azurite, keys), or the identity-based settings <c>AzureWebJobsStorage__accountName</c> /
/// <c>AzureWebJobsStorage__tableServiceUri</c> with the app's managed identity (<see cref="TableStorageConnection"/>).
/// </summary>
internal static class ProductTables
{
    /// <summary>Creates the table store the configuration names.</summary>
    /// <param name="configuration">The app settings.</param>
    /// <returns>The store.</returns>
    /// <exception cref="InvalidOperationException">Neither a connection string nor an account is configured.</exception>
    public static ITableStore Create(IConfiguration configuration)
    {
        var connection = TableStorageConnection.FromSettings(name => configuration[name])
            ?? throw new InvalidOperationException(
                "Set AzureWebJobsStorage (a connection string) or AzureWebJobsStorage__accountName (managed identity) for the product tables.");
        return new AzureTableStore(connection.CreateServiceClient());
    }
}
