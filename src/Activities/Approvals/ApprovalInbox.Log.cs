using Microsoft.Extensions.Logging;

namespace Serverless.Activities.Approvals;

public sealed partial class ApprovalInbox
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Approval {StepId} of {InstanceId} requested at level {Level} from {Approvers} approver(s).")]
        public static partial void Requested(ILogger logger, string instanceId, string stepId, int level, int approvers);

        [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Approval {StepId} of {InstanceId} escalated to level {Level}.")]
        public static partial void Escalated(ILogger logger, string instanceId, string stepId, int level);

        [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Approval {StepId} of {InstanceId}: a listed approver decided (approved: {Approved}); the audit trail names them.")]
        public static partial void Decided(ILogger logger, string instanceId, string stepId, bool approved);

        [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Approval {StepId} of {InstanceId} closed: {Outcome}.")]
        public static partial void Closed(ILogger logger, string instanceId, string stepId, string outcome);
    }
}
