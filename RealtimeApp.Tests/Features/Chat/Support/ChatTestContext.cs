using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.State.Support;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.Shared.Time;

namespace RealtimeApp.Tests.Features.Chat.Support;

/// <summary>
/// The bUnit base for chat components: the chat state and its reducers only (no effects, so no services or database),
/// an <see cref="ActionLog"/> to see what components dispatch, and the circuit's <see cref="BrowserTime"/> on the fake clock.
/// </summary>
public abstract class ChatTestContext : FluxorTestContext
{
    protected ChatTestContext()
        : base(
            options => options.ScanTypes(typeof(ChatState), typeof(ChatReducers)).AddMiddleware<ActionLog>(),
            services => services.AddScoped<BrowserTime>())
    {
        Time.SetUtcNow(ChatSamples.Noon);
    }

    protected ChatState ChatState => StateOf<ChatState>();

    protected IReadOnlyList<object> Dispatched => Services.GetRequiredService<ActionLog>().Actions;

    /// <summary>Initialises the store and applies <paramref name="actions"/> through the reducers.</summary>
    protected async Task GivenAsync(params object[] actions)
    {
        await Store.InitializeAsync();
        foreach (var action in actions)
        {
            Dispatcher.Dispatch(action);
        }
    }
}
