using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Support;

/// <summary>
/// One circuit's DI scope on a <see cref="ChatHost"/> with its store (real reducers, real effects on the real services).
/// Effect failures are kept, so a wait fails at once instead of timing out.
/// </summary>
public abstract class StoreCircuit : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly ConcurrentQueue<Exception> _effectFailures = new();

    protected StoreCircuit(AsyncServiceScope scope)
    {
        _scope = scope;
        Store.UnhandledException += (_, e) => _effectFailures.Enqueue(e.Exception);
    }

    public IStore Store => Get<IStore>();

    public IDispatcher Dispatcher => Get<IDispatcher>();

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    /// <summary>Signs <paramref name="actor"/> in (when given; needs <see cref="SignedInUser"/>) and initialises the store.</summary>
    protected async Task InitializeAsync(Actor? actor)
    {
        if (actor is not null)
        {
            Get<SignedInUser>().SignIn(actor);
        }

        await Store.InitializeAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; an effect failure fails at once.</summary>
    protected Task WaitUntilConditionAsync(Func<bool> condition, string description, TimeSpan? timeout = null) =>
        Eventually.WaitUntilAsync(
            () => _effectFailures.TryPeek(out var failure) ? throw new InvalidOperationException("An effect failed.", failure) : condition(),
            description,
            timeout);
}
