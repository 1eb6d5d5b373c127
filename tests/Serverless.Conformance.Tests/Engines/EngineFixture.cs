namespace Serverless.Conformance.Tests.Engines;

/// <summary>Starts one engine for a test class and stops it after; an engine that cannot run here skips the class's tests.</summary>
public abstract class EngineFixture : IAsyncLifetime
{
    private IConformanceEngine? _engine;

    /// <summary>The running engine; skips the calling test when the engine cannot run on this machine.</summary>
    public IConformanceEngine Engine
    {
        get
        {
            Skip.If(SkipReason is not null, SkipReason);
            return _engine ?? throw new InvalidOperationException("The engine did not start.");
        }
    }

    /// <summary>Null when the engine can run; otherwise why its tests are skipped.</summary>
    protected virtual string? SkipReason => null;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (SkipReason is null)
        {
            _engine = await StartAsync();
        }
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    /// <summary>Starts the engine.</summary>
    protected abstract Task<IConformanceEngine> StartAsync();
}
