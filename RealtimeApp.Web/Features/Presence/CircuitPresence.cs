using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Presence.Store;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Presence;

/// <summary>
/// This circuit's place in a room: it counts as the user being there while the room is open in this tab, and follows
/// the room's presence topic. Ends when the tab moves to another room or the circuit ends.
/// </summary>
public sealed class CircuitPresence(PresenceTracker tracker, EventAggregator aggregator, IDispatcher dispatcher, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private IDisposable[] _current = [];

    public void Enter(string roomId, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);

        var topic = Topics.Presence(roomId);
        IDisposable[] next =
        [
            aggregator.Subscribe<PresenceChanged>(topic, (e, _) => Dispatch(new PresenceUpdated(e.RoomId, new PresenceMember(e.UserId, e.UserName), e.IsOnline))),
            aggregator.Subscribe<TypingChanged>(topic, (e, _) => Dispatch(new TypingUpdated(e.RoomId, e.UserId, e.UserName, e.IsTyping, time.GetUtcNow()))),
            tracker.Enter(roomId, actor.UserId, actor.DisplayName),
        ];
        IDisposable[] previous;
        lock (_gate)
        {
            previous = _current;
            _current = next;
        }

        Array.ForEach(previous, handle => handle.Dispose());
        dispatcher.Dispatch(new PresenceLoaded(roomId, tracker.Online(roomId)));
    }

    public void Dispose()
    {
        IDisposable[] current;
        lock (_gate)
        {
            current = _current;
            _current = [];
        }

        Array.ForEach(current, handle => handle.Dispose());
    }

    private ValueTask Dispatch(object action)
    {
        dispatcher.Dispatch(action);
        return ValueTask.CompletedTask;
    }
}
