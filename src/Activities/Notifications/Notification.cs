namespace Serverless.Activities.Notifications;

/// <summary>A message for a user, e.g. "an approval waits for you" or "your order shipped".</summary>
/// <param name="Id">Unique per recipient; sending the same id again is a no-op.</param>
/// <param name="To">The recipient.</param>
/// <param name="Subject">The subject (may be empty).</param>
/// <param name="Body">The text.</param>
/// <param name="InstanceId">The orchestration that sent it.</param>
/// <param name="SentAt">When it was first stored; default means "now".</param>
public sealed record Notification(string Id, string To, string Subject, string Body, string InstanceId, DateTimeOffset SentAt);
