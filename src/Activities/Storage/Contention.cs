using Azure;

namespace Serverless.Activities.Storage;

/// <summary>Optimistic concurrency: re-runs a read-decide-write step when another writer got there first.</summary>
internal static class Contention
{
    private const int MaxAttempts = 32;

    /// <summary>Runs <paramref name="step"/> until it completes without a 409/412 conflict.</summary>
    public static async Task<T> RetryAsync<T>(string what, Func<Task<T>> step)
    {
        for (var i = 0; i < MaxAttempts; i++)
        {
            try
            {
                return await step();
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else wrote first; the next pass reads their result and decides again.
            }
        }

        throw new InvalidOperationException($"{what} kept changing under concurrent updates.");
    }
}
