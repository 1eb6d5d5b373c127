using Microsoft.Extensions.Logging;

namespace Serverless.Audit;

public sealed partial class AuditTrail
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Audit append for {InstanceId} lost a race for the chain head (attempt {Attempt}); retrying.")]
        public static partial void AppendContended(ILogger logger, string instanceId, int attempt);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Audit retention before {Cutoff}: deleted {Rows} rows of {Instances} instances and {IndexRows} index rows.")]
        public static partial void RetentionCompleted(ILogger logger, DateTimeOffset cutoff, int rows, int instances, int indexRows);

        [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Audit trail of {InstanceId} failed verification: {Problems} problem(s).")]
        public static partial void VerificationFailed(ILogger logger, string instanceId, int problems);

        [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Audit trail of {InstanceId}: {Rows} rows moved from time-and-hash row keys to sequence row keys.")]
        public static partial void Migrated(ILogger logger, string instanceId, int rows);
    }
}
