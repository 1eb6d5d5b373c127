namespace Serverless.Activities.Inventory;

/// <summary>One order line to reserve.</summary>
/// <param name="Sku">The stock-keeping unit.</param>
/// <param name="Quantity">How many; positive.</param>
public sealed record InventoryLine(string Sku, int Quantity);
