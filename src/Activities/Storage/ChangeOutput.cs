namespace Serverless.Activities.Storage;

/// <summary>Output of undo and commit activities.</summary>
/// <param name="Changed">True when this call changed state; false when it had already happened (or there was nothing to undo).</param>
public sealed record ChangeOutput(bool Changed);
