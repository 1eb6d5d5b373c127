using Azure;

namespace Serverless.Triggers;

/// <summary>A trigger as the store keeps it: its document (as written), whether it is paused, and when it last changed.</summary>
/// <param name="Name">The trigger's name.</param>
/// <param name="DocumentJson">The document: description, auth (naming its secret) and rules.</param>
/// <param name="Paused">True while deliveries are refused.</param>
/// <param name="UpdatedAt">When it was created, replaced, paused or resumed.</param>
/// <param name="ETag">The row's ETag.</param>
public sealed record StoredTrigger(string Name, string DocumentJson, bool Paused, DateTimeOffset UpdatedAt, ETag ETag);
