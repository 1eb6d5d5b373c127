using Microsoft.DurableTask;
using Serverless.Activities.Notifications;
using Serverless.Activities.Reliability;

namespace Serverless.Activities.General;

/// <summary>Input of <see cref="Notify"/>: a recipient and either a message or a subject and body.</summary>
public sealed record NotifyInput
{
    /// <summary>The recipient (user, approver or customer id).</summary>
    public string? To { get; init; }

    /// <summary>A one-line message.</summary>
    public string? Message { get; init; }

    /// <summary>The subject, with <see cref="Body"/>.</summary>
    public string? Subject { get; init; }

    /// <summary>The body, with <see cref="Subject"/>.</summary>
    public string? Body { get; init; }

    /// <summary>Deduplicates the notification within the instance; derived from the input when absent.</summary>
    public string? IdempotencyKey { get; init; }
}

/// <summary>Output of <see cref="Notify"/>.</summary>
/// <param name="Id">The notification's id (the same on a redelivery).</param>
public sealed record NotifyOutput(string Id);

/// <summary>Activity <c>notify</c>: puts a message in the recipient's notification inbox, once.</summary>
public sealed class Notify(NotificationBox box) : TaskActivity<NotifyInput, NotifyOutput>
{
    /// <summary>The registered name.</summary>
    public const string Name = "notify";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No recipient, or no message.</exception>
    public override async Task<NotifyOutput> RunAsync(TaskActivityContext context, NotifyInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.To))
        {
            throw new ArgumentException("notify needs 'to'.", nameof(input));
        }

        var body = input.Message ?? input.Body;
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new ArgumentException("notify needs 'message', or 'subject' and 'body'.", nameof(input));
        }

        var id = OperationKeys.For(context, input.IdempotencyKey, input);
        await box.SendAsync(new Notification(id, input.To.Trim(), input.Subject ?? string.Empty, body, context.InstanceId, default));
        return new NotifyOutput(id);
    }
}
