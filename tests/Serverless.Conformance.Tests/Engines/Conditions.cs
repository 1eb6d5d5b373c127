namespace Serverless.Conformance.Tests.Engines;

/// <summary>Waits on conditions with a limit; never a fixed sleep.</summary>
internal static class Conditions
{
    /// <summary>How long any single wait may take before the test fails (generous: the machine is shared and small).</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    /// <summary>Re-checks <paramref name="condition"/> every 50 ms until it holds; fails after <see cref="WaitLimit"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            try
            {
                await every.WaitForNextTickAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {WaitLimit.TotalSeconds:0} s for {what}; last seen: {value}");
            }
        }
    }
}
