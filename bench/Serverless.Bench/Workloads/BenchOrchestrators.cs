using Microsoft.DurableTask;

namespace Serverless.Bench.Workloads;

/// <summary>
/// The orchestrators of the engine workloads, written once against the Durable Task API so that our runtime and
/// Microsoft's engines (<c>compare</c>) run the same code.
/// </summary>
internal static class BenchOrchestrators
{
    /// <summary>The activity every workload calls: returns its input.</summary>
    public static int Noop(int x) => x;

    /// <summary>Fans out <paramref name="count"/> no-op activities and fans in; returns how many completed.</summary>
    public static async Task<int> FanOut(TaskOrchestrationContext ctx, int count) =>
        (await Task.WhenAll(Enumerable.Range(0, count).Select(i => ctx.CallActivityAsync<int>("Noop", i)))).Length;

    /// <summary>Calls <paramref name="count"/> no-op activities in sequence; returns <paramref name="count"/>.</summary>
    public static async Task<int> Chain(TaskOrchestrationContext ctx, int count)
    {
        var x = 0;
        for (var i = 0; i < count; i++)
        {
            x = await ctx.CallActivityAsync<int>("Noop", x + 1);
        }

        return x;
    }

    /// <summary>Calls 5 no-op activities in sequence.</summary>
    public static async Task<int> Hello5(TaskOrchestrationContext ctx, int x)
    {
        for (var i = 0; i < 5; i++)
        {
            x = await ctx.CallActivityAsync<int>("Noop", x + 1);
        }

        return x;
    }

    /// <summary>Waits on a durable timer due at <paramref name="dueAt"/>.</summary>
    public static async Task<DateTime> Sleep(TaskOrchestrationContext ctx, DateTime dueAt)
    {
        await ctx.CreateTimer(dueAt, CancellationToken.None);
        return ctx.CurrentUtcDateTime;
    }

    /// <summary>Waits for <paramref name="count"/> external events named <c>item</c>; returns the sum of their payloads.</summary>
    public static async Task<int> Inbox(TaskOrchestrationContext ctx, int count)
    {
        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += await ctx.WaitForExternalEvent<int>("item");
        }

        return sum;
    }
}
