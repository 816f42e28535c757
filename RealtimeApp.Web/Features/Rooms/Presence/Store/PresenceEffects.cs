using RealtimeApp.Web.Shared.Actions;
using RealtimeApp.Web.Shared.Actors;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Rooms.Presence.Store;

/// <summary>Entering rooms as the user opens them, and telling others when the user types or stops (by sending).</summary>
public sealed class PresenceEffects(CircuitActor circuit, CircuitPresence presence, TypingNotifier typing)
{
    [EffectMethod]
    public async Task HandleAsync(RoomOpened action, IDispatcher dispatcher) =>
        presence.Enter(action.RoomId, await circuit.GetAsync());

    [EffectMethod]
    public async Task HandleAsync(UserTyping action, IDispatcher dispatcher)
    {
        var actor = await circuit.GetAsync();
        typing.Typing(action.RoomId, actor.UserId, actor.DisplayName);
    }

    [EffectMethod]
    public async Task HandleAsync(UserStoppedTyping action, IDispatcher dispatcher)
    {
        var actor = await circuit.GetAsync();
        typing.Stopped(action.RoomId, actor.UserId, actor.DisplayName);
    }
}
