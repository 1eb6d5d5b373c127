using Microsoft.DurableTask;

namespace Serverless.Activities;

/// <summary>One activity both hosts register: its name and its class.</summary>
/// <param name="Name">The name orchestrations call it by.</param>
/// <param name="ActivityType">The class implementing <see cref="Microsoft.DurableTask.ITaskActivity"/>, created through DI per call.</param>
public sealed record ActivityDescriptor(string Name, Type ActivityType);
