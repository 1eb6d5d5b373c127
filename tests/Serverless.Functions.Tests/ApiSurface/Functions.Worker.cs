// Microsoft.Azure.Functions.Worker 2.52 and its HTTP (ASP.NET Core), Timer and Durable extensions
// (AZURE_API.md §3-§4), members src/Functions uses.
using Azure.Core.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker
{
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class FunctionAttribute(string name) : Attribute
    {
        public string Name => throw null!;
    }

    // Public source: src/DotNetWorker.Core/Context/FunctionContext.cs, BindingContext.cs, FunctionDefinition.cs.
    public abstract class FunctionContext
    {
        public abstract string InvocationId { get; }
        public abstract string FunctionId { get; }
        public abstract BindingContext BindingContext { get; }
        public abstract IServiceProvider InstanceServices { get; set; }
        public abstract FunctionDefinition FunctionDefinition { get; }
        public virtual CancellationToken CancellationToken => throw null!;
    }

    public abstract class BindingContext
    {
        public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
    }

    public abstract class FunctionDefinition
    {
        public abstract string Name { get; }
    }

    public class WorkerOptions
    {
        public ObjectSerializer? Serializer { get; set; }
    }

    public enum AuthorizationLevel
    {
        Anonymous,
        User,
        Function,
        System,
        Admin,
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class HttpTriggerAttribute : Attribute
    {
        public HttpTriggerAttribute(params string[] methods) => throw null!;
        public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods) => throw null!;
        public string? Route { get; set; }
        public AuthorizationLevel AuthLevel => throw null!;
        public string[]? Methods => throw null!;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class TimerTriggerAttribute(string schedule) : Attribute
    {
        public string Schedule => throw null!;
        public bool RunOnStartup { get; set; }
        public bool UseMonitor { get; set; }
    }

    public class TimerInfo
    {
        public ScheduleStatus? ScheduleStatus { get; set; }
        public bool IsPastDue { get; set; }
    }

    public class ScheduleStatus
    {
        public DateTime Last { get; set; }
        public DateTime Next { get; set; }
        public DateTime LastUpdated { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class OrchestrationTriggerAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ActivityTriggerAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class DurableClientAttribute : Attribute
    {
        public string? TaskHub { get; set; }
        public string? ConnectionName { get; set; }
    }
}

namespace Microsoft.Azure.Functions.Worker.Builder
{
    // Public source: src/DotNetWorker/Builder/FunctionsApplication.cs and FunctionsApplicationBuilder.cs.
    public static class FunctionsApplication
    {
        public static FunctionsApplicationBuilder CreateBuilder(string[] args) => throw null!;
    }

    public class FunctionsApplicationBuilder : IHostApplicationBuilder
    {
        public IDictionary<object, object> Properties => throw null!;
        public IConfigurationManager Configuration => throw null!;
        public IHostEnvironment Environment => throw null!;
        public ILoggingBuilder Logging => throw null!;
        public IMetricsBuilder Metrics => throw null!;
        public IServiceCollection Services => throw null!;
        public IHost Build() => throw null!;
        public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
            where TContainerBuilder : notnull => throw null!;
    }

    // Public source: extensions/Worker.Extensions.Http.AspNetCore/src/FunctionsApplicationBuilderAspNetCoreExtensions.cs.
    public static class FunctionsApplicationBuilderAspNetCoreExtensions
    {
        public static FunctionsApplicationBuilder ConfigureFunctionsWebApplication(this FunctionsApplicationBuilder builder) => throw null!;
    }
}
