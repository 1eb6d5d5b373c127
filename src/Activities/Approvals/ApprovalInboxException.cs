namespace Serverless.Activities.Approvals;

/// <summary>A decision the inbox refused; nothing was stored. Subclasses say why (the host maps each to a status code).</summary>
public abstract class ApprovalInboxException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="stepId">The approval step.</param>
    /// <param name="message">What went wrong.</param>
    protected ApprovalInboxException(string instanceId, string stepId, string message)
        : base(message)
    {
        InstanceId = instanceId;
        StepId = stepId;
    }

    /// <summary>The instance.</summary>
    public string InstanceId { get; }

    /// <summary>The approval step.</summary>
    public string StepId { get; }
}
