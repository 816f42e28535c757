using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.State.Support;
using RealtimeApp.Web.Features.Connection.Store;
using RealtimeApp.Web.State;
using RealtimeApp.Web.State.Registration;

namespace RealtimeApp.Tests.State.AddFluxorTests;

public sealed class ScopeTests
{
    [Fact]
    public async Task AddFluxor_GivesEachScopeItsOwnStore_WhenTwoScopesDispatch()
    {
        var services = new ServiceCollection();
        services.AddFluxor(options => options.ScanTypes(typeof(CounterState), typeof(ThrottledCounterState), typeof(CounterReducers)));
        await using var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var first = root.CreateScope();
        using var second = root.CreateScope();
        var firstStore = first.ServiceProvider.GetRequiredService<IStore>();
        var secondStore = second.ServiceProvider.GetRequiredService<IStore>();
        await firstStore.InitializeAsync();
        await secondStore.InitializeAsync();

        first.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new IncrementBy(3));
        second.ServiceProvider.GetRequiredService<IDispatcher>().Dispatch(new Increment());

        firstStore.ShouldNotBeSameAs(secondStore);
        first.ServiceProvider.GetRequiredService<IState<CounterState>>().Value.Count.ShouldBe(3);
        second.ServiceProvider.GetRequiredService<IState<CounterState>>().Value.Count.ShouldBe(1);
        first.ServiceProvider.GetRequiredService<StoreRegistrations>()
            .ShouldBeSameAs(second.ServiceProvider.GetRequiredService<StoreRegistrations>());
    }

    [Fact]
    public void AddFluxor_ResolvesStoreDispatcherAndStateFromOneScope_WhenResolvedTogether()
    {
        using var store = TestStore.ForCounter();

        object dispatcher = store.Dispatcher;

        dispatcher.ShouldBeSameAs(store.Store);
        store.Services.GetRequiredService<IState<CounterState>>().ShouldBeSameAs(store.Counter);
    }

    [Fact]
    public async Task AddFluxor_RegistersTheAppsFeatures_WhenScanningTheWebAssembly()
    {
        var services = new ServiceCollection();
        services.AddFluxor(options => options.ScanAssemblies(typeof(Program).Assembly));
        await using var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = root.CreateScope();

        var connection = scope.ServiceProvider.GetRequiredService<IState<ConnectionState>>();

        connection.Value.Status.ShouldBe(ConnectionStatus.Connected);
        scope.ServiceProvider.GetRequiredService<TimeProvider>().ShouldBeSameAs(TimeProvider.System);
    }
}
