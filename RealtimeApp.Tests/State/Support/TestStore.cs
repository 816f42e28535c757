using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>A store in its own DI scope, as one circuit would have it.</summary>
public sealed class TestStore : IDisposable
{
    private readonly ServiceProvider _root;
    private readonly IServiceScope _scope;

    public TestStore(Action<FluxorOptions> configure, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddScoped<PipelineLog>();
        services.AddScoped<EffectGate>();
        configureServices?.Invoke(services);
        services.AddFluxor(configure);
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _scope = _root.CreateScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public IStore Store => Services.GetRequiredService<IStore>();

    public IDispatcher Dispatcher => Services.GetRequiredService<IDispatcher>();

    public IState<CounterState> Counter => Services.GetRequiredService<IState<CounterState>>();

    public PipelineLog Log => Services.GetRequiredService<PipelineLog>();

    public EffectGate Gate => Services.GetRequiredService<EffectGate>();

    /// <summary>The counter feature, recording middleware and all the recording and throwing effects.</summary>
    public static TestStore ForCounter() => new(options => options
        .ScanTypes(
            typeof(CounterState), typeof(ThrottledCounterState), typeof(CounterReducers),
            typeof(RecordingEffects), typeof(ThrowingEffects))
        .AddMiddleware<RecordingMiddleware>());

    public static async Task<TestStore> StartedForCounterAsync()
    {
        var store = ForCounter();
        await store.Store.InitializeAsync();
        return store;
    }

    public void Dispose()
    {
        _scope.Dispose();
        _root.Dispose();
    }
}
