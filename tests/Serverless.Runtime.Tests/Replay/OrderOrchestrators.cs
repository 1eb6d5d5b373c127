using Microsoft.DurableTask;

namespace Serverless.Runtime.Tests.Replay;

/// <summary>Version 1 of an order flow, as it ran when Histories/order-v1.json was recorded.</summary>
internal sealed class OrderFlowV1 : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var reservation = await context.CallActivityAsync<string>("Reserve", input);
        await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
        var charge = await context.CallActivityAsync<string>("Charge", reservation);
        return $"{reservation}+{charge}";
    }
}

/// <summary>A compatible change: only what happens after the recorded history differs.</summary>
internal sealed class OrderFlowV1WithLogging : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var reservation = await context.CallActivityAsync<string>("Reserve", input);
        await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
        var charge = await context.CallActivityAsync<string>("Charge", reservation);
        context.SetCustomStatus("charged");
        return $"{reservation}+{charge}";
    }
}

/// <summary>A breaking change: charges before reserving.</summary>
internal sealed class OrderFlowV2Reordered : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var charge = await context.CallActivityAsync<string>("Charge", input);
        var reservation = await context.CallActivityAsync<string>("Reserve", charge);
        return $"{reservation}+{charge}";
    }
}

/// <summary>A breaking change: drops the timer, so the next recorded action is missing.</summary>
internal sealed class OrderFlowV2NoTimer : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var reservation = await context.CallActivityAsync<string>("Reserve", input);
        var charge = await context.CallActivityAsync<string>("Charge", reservation);
        return $"{reservation}+{charge}";
    }
}
