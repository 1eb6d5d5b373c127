using Microsoft.Extensions.Logging;

namespace Serverless.Api.Triggers;

public sealed partial class HookEndpoint
{
    // Never a header value, a key or a signature: only names, reasons and counts.
    private static partial class Log
    {
        [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Trigger {Trigger}: {Matched} rule(s) matched, {Started} instance(s) started (correlation {CorrelationId}).")]
        public static partial void Delivered(ILogger logger, string trigger, int matched, int started, string correlationId);

        [LoggerMessage(EventId = 6402, Level = LogLevel.Warning, Message = "Trigger {Trigger} refused a delivery: {Reason} ({Status}, correlation {CorrelationId}).")]
        public static partial void Refused(ILogger logger, string trigger, string reason, int status, string correlationId);

        [LoggerMessage(EventId = 6403, Level = LogLevel.Warning, Message = "Trigger {Trigger} rule {Rule} could not start its workflow: {Detail}")]
        public static partial void RuleFailed(ILogger logger, string trigger, string rule, string detail);
    }
}
