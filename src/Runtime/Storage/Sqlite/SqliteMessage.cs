using Serverless.Runtime.History;

namespace Serverless.Runtime.Storage.Sqlite;

/// <summary>
/// A message with its event already serialized. Callers serialize on their own thread before queueing, so
/// the single writer spends its time on SQL only.
/// </summary>
/// <param name="Message">The message.</param>
/// <param name="Json">Its event as <see cref="HistoryJson"/> text.</param>
internal readonly record struct SqliteMessage(InstanceMessage Message, string Json)
{
    /// <summary>Serializes <paramref name="message"/>'s event.</summary>
    public static SqliteMessage From(InstanceMessage message) => new(message, HistoryJson.Serialize(message.Event));
}
