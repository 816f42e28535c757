using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>
/// The shared bUnit base: MudBlazor services, loose JS interop, an interactive Server renderer, a
/// <see cref="FakeTimeProvider"/> as the app's <see cref="TimeProvider"/>, and the store scanning what the test asks.
/// </summary>
public abstract class FluxorTestContext : BunitContext
{
    protected FluxorTestContext(Action<FluxorOptions> configureStore, Action<IServiceCollection>? configureServices = null)
    {
        Services.AddMudServices();
        configureServices?.Invoke(Services);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddFluxor(configureStore);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected FakeTimeProvider Time { get; } = new();

    protected IStore Store => Services.GetRequiredService<IStore>();

    protected IDispatcher Dispatcher => Services.GetRequiredService<IDispatcher>();

    protected TState StateOf<TState>() => Services.GetRequiredService<IState<TState>>().Value;
}
