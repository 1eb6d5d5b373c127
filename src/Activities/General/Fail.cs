using Microsoft.DurableTask;

namespace Serverless.Activities.General;

/// <summary>Input of <see cref="Fail"/>.</summary>
/// <param name="Message">The failure message.</param>
/// <param name="Type">An optional error type the failure carries (e.g. <c>Validation</c>).</param>
public sealed record FailInput(string? Message = null, string? Type = null);

/// <summary>Activity <c>fail</c>: always fails with the given message (and error type), for tests and explicit rejections.</summary>
public sealed class Fail : TaskActivity<FailInput?, object?>
{
    /// <summary>The registered name.</summary>
    public const string Name = "fail";

    /// <inheritdoc />
    public override Task<object?> RunAsync(TaskActivityContext context, FailInput? input)
    {
        var message = string.IsNullOrWhiteSpace(input?.Message) ? "The workflow asked this step to fail." : input.Message;
        throw new RequestedFailureException(message, input?.Type);
    }
}
