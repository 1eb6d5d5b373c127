using Serverless.Runtime.Dispatch;

namespace Serverless.Runtime.Tests.Dispatch;

public sealed class TimerWheelTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(1);

    [Fact]
    public void Schedule_DueBeyondHorizon_HoldsNothingAndNeverSignals()
    {
        var clock = RuntimeHarness.NewClock();
        var signalled = new List<string>();
        using var wheel = new TimerWheel(clock, Horizon, signalled.Add);

        var held = wheel.Schedule("approval", clock.GetUtcNow().AddDays(7));
        clock.Advance(TimeSpan.FromDays(7));

        Assert.False(held);
        Assert.Equal(0, wheel.Count);
        Assert.Empty(signalled);
    }

    [Fact]
    public void Schedule_DueWithinHorizon_SignalsOnceWhenDue()
    {
        var clock = RuntimeHarness.NewClock();
        var signalled = new List<string>();
        using var wheel = new TimerWheel(clock, Horizon, signalled.Add);

        var held = wheel.Schedule("soon", clock.GetUtcNow().AddSeconds(30));
        var heldAgain = wheel.Schedule("soon", clock.GetUtcNow().AddSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(29));
        var beforeDue = signalled.Count;
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(held);
        Assert.True(heldAgain);
        Assert.Equal(0, beforeDue);
        Assert.Equal(["soon"], signalled);
        Assert.Equal(0, wheel.Count);
    }
}
