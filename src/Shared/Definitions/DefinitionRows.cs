using System.Globalization;
using Azure.Data.Tables;
using Serverless.Storage;

namespace Serverless.Definitions;

/// <summary>
/// Row layout of the definition table: partition = workflow name; one row per version (<c>v0000000001</c>) and one
/// pointer row (<c>active</c>). Canonical JSON is split over <c>Json0..JsonN</c> because a Table string property
/// holds at most 64 KiB.
/// </summary>
internal static class DefinitionRows
{
    public const string PointerRowKey = "active";

    public static string VersionRowKey(int version) => "v" + version.ToString("D10", CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(StoredDefinition d)
    {
        var entity = new TableEntity(d.Name, VersionRowKey(d.Version))
        {
            ["Version"] = d.Version,
            ["ContentHash"] = d.ContentHash,
            ["PublishedAt"] = d.PublishedAt,
            ["PublishedBy"] = d.PublishedBy,
        };
        if (d.Retention is { } retention)
        {
            entity["RetentionSeconds"] = (long)retention.TotalSeconds;
        }

        ChunkedText.WriteChunks(entity, "Chunks", "Json", d.CanonicalJson);
        return entity;
    }

    public static StoredDefinition FromEntity(TableEntity e)
    {
        var json = ChunkedText.ReadChunks(e, "Chunks", "Json");
        return new StoredDefinition(
            e.PartitionKey,
            e.GetInt32("Version") ?? 0,
            e.GetString("ContentHash") ?? string.Empty,
            json,
            e.GetDateTimeOffset("PublishedAt") ?? default,
            e.GetString("PublishedBy") ?? string.Empty,
            e.GetInt64("RetentionSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
    }

    public static TableEntity ToEntity(DefinitionPointer p) => new(p.Name, PointerRowKey)
    {
        ["ActiveVersion"] = p.ActiveVersion,
        ["LatestVersion"] = p.LatestVersion,
        ["ChangedAt"] = p.ChangedAt,
        ["ChangedBy"] = p.ChangedBy,
    };

    public static DefinitionPointer PointerFromEntity(TableEntity e) => new(
        e.PartitionKey, e.GetInt32("ActiveVersion") ?? 0, e.GetInt32("LatestVersion") ?? 0, e.GetDateTimeOffset("ChangedAt") ?? default, e.GetString("ChangedBy") ?? string.Empty);
}
