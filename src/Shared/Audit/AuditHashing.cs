using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Serverless.Storage;

namespace Serverless.Audit;

/// <summary>
/// The deterministic parts of the trail: the canonical form of an entry, its row key and the chain hash.
/// Changing any of this invalidates every stored trail, so it is versioned by <see cref="Version"/>.
/// </summary>
internal static class AuditHashing
{
    /// <summary>Stored on every row so a future format can be told apart.</summary>
    public const int Version = 1;

    /// <summary>Entry keys are 19 digits of UTC ticks, '-', 16 hex digits of the content hash.</summary>
    public const int EntryKeyLength = 36;

    /// <summary>Entry rows are keyed by their chain position, zero-padded to this many digits.</summary>
    public const int SequenceDigits = 19;

    /// <summary>The prefix of the rows that mark an entry's content hash as recorded.</summary>
    public const string MarkerPrefix = "hash-";

    /// <summary>SHA-256 (hex) of the entry's fields as a JSON array in fixed order; no chain data.</summary>
    public static string ContentHash(AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(Version);
            foreach (var field in new[]
            {
                entry.InstanceId, entry.WorkflowName, entry.WorkflowVersion, entry.Step, entry.EventType, entry.Actor,
                TableEntityJson.FormatDate(entry.Time), entry.DetailsJson, entry.CorrelationId,
            })
            {
                json.WriteStringValue(field);
            }

            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>
    /// The entry's identity from its time and content: the day index's key, and the row key that entry rows had
    /// before they were keyed by sequence (see <see cref="IsLegacyRowKey"/>).
    /// </summary>
    public static string EntryKey(AuditEntry entry, string contentHash) =>
        entry.Time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + contentHash[..16];

    /// <summary>The row key of chain position <paramref name="sequence"/>: zero-padded, so rows sort by sequence.</summary>
    public static string SequenceRowKey(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The row key of the marker that says this content is recorded; a retried write collides with it.</summary>
    public static string MarkerRowKey(string contentHash) => MarkerPrefix + contentHash;

    /// <summary>Whether a row key is of the old scheme (time and content hash) rather than the sequence.</summary>
    public static bool IsLegacyRowKey(string rowKey) => rowKey.Length == EntryKeyLength && rowKey[SequenceDigits] == '-';

    /// <summary>The chain link: SHA-256 (hex) of sequence, previous row's hash and this row's content hash.</summary>
    public static string ChainHash(long sequence, string previousHash, string contentHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            sequence.ToString(CultureInfo.InvariantCulture) + "\n" + previousHash + "\n" + contentHash)));

    /// <summary>The UTC day partition of the retention index.</summary>
    public static string DayKey(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
