using System.Globalization;
using Azure.Data.Tables;

namespace Serverless.Activities.Storage;

/// <summary>Money is stored as invariant decimal text, so no amount ever passes through a binary float.</summary>
internal static class Amounts
{
    public static string Write(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static decimal Read(TableEntity entity, string property) =>
        entity.GetString(property) is { } text ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) : 0m;

    public static void RequirePositive(decimal amount, string name)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(name, amount, "The amount must be positive.");
        }
    }
}
