using Microsoft.Extensions.Logging;

namespace Serverless.Orchestrations.Workflows;

internal sealed partial class WorkflowRun
{
    // Written through the context's replay-safe logger: nothing is logged while replaying.
    private static partial class Log
    {
        [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Workflow {Workflow}@{Version} started as {InstanceId}.")]
        public static partial void Started(ILogger logger, string workflow, int version, string instanceId);

        [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Workflow {Workflow}@{Version} ({InstanceId}) completed after {Steps} steps.")]
        public static partial void Completed(ILogger logger, string workflow, int version, string instanceId, int steps);

        [LoggerMessage(EventId = 7203, Level = LogLevel.Warning, Message = "Workflow {Workflow}@{Version} ({InstanceId}) failed at step {Step}: {Reason}")]
        public static partial void Failed(ILogger logger, string workflow, int version, string instanceId, string step, string reason);

        [LoggerMessage(EventId = 7204, Level = LogLevel.Debug, Message = "Workflow {Workflow}@{Version} ({InstanceId}) continues as new at loop iteration {Iteration} (generation {Generation}).")]
        public static partial void Continued(ILogger logger, string workflow, int version, string instanceId, int iteration, int generation);
    }
}
