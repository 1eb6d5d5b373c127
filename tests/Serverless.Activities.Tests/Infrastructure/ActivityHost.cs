using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Serverless.Storage;
using Serverless.Tests.Infrastructure;

namespace Serverless.Activities.Tests.Infrastructure;

/// <summary>The activities wired as a host wires them, over a real SQLite table store in a temp folder.</summary>
public sealed class ActivityHost : IDisposable
{
    private readonly TempFolder _folder = new("activities");
    private readonly ServiceProvider _services;

    public ActivityHost(Action<IServiceCollection>? configure = null)
    {
        Directory.CreateDirectory(_folder.Path);
        Store = new SqliteTableStore(_folder.File("tables.db"), Clock);
        var services = new ServiceCollection();
        services.AddSingleton<ITableStore>(Store);
        services.AddSingleton<TimeProvider>(Clock);
        configure?.Invoke(services);
        services.AddServerlessActivities();
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    public SqliteTableStore Store { get; }

    public IServiceProvider Services => _services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Runs an activity as the engine would: a fresh instance from DI, called for <paramref name="instanceId"/>.</summary>
    public async Task<TOut> RunAsync<TActivity, TIn, TOut>(TIn input, string instanceId = "order-1")
        where TActivity : TaskActivity<TIn, TOut>
    {
        var activity = (TActivity)ActivatorUtilities.GetServiceOrCreateInstance(_services, typeof(TActivity));
        var name = ActivityCatalog.All.Single(d => d.ActivityType == typeof(TActivity)).Name;
        return await activity.RunAsync(new TestActivityContext(name, instanceId), input);
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
