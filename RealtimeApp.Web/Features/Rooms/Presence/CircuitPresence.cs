using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Rooms.Presence.Store;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Rooms.Presence;

/// <summary>
/// This circuit's place in a room: it counts as the user being there while the room is open in this tab, and follows
/// the room's presence topic. Ends when the tab moves to another room or the circuit ends.
/// </summary>
public sealed class CircuitPresence(PresenceTracker tracker, EventAggregator aggregator, IDispatcher dispatcher, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private IDisposable[] _current = [];
    private IDisposable? _here;
    private (string RoomId, Actor Actor)? _room;

    public void Enter(string roomId, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);

        var topic = Topics.Presence(roomId);
        IDisposable[] next =
        [
            aggregator.Subscribe<PresenceChanged>(topic, (e, _) => Dispatch(new PresenceUpdated(e.RoomId, new PresenceMember(e.UserId, e.UserName), e.IsOnline))),
            aggregator.Subscribe<TypingChanged>(topic, (e, _) => Dispatch(new TypingUpdated(e.RoomId, e.UserId, e.UserName, e.IsTyping, time.GetUtcNow()))),
        ];
        var here = tracker.Enter(roomId, actor.UserId, actor.DisplayName);
        IDisposable[] previous;
        IDisposable? previousHere;
        lock (_gate)
        {
            (previous, previousHere) = (_current, _here);
            (_current, _here, _room) = (next, here, (roomId, actor));
        }

        Array.ForEach(previous, handle => handle.Dispose());
        previousHere?.Dispose();
        dispatcher.Dispatch(new PresenceLoaded(roomId, tracker.Online(roomId)));
    }

    /// <summary>The browser's connection dropped (tab closed, network lost): the user is no longer here.</summary>
    public void Suspend()
    {
        IDisposable? here;
        lock (_gate)
        {
            (here, _here) = (_here, null);
        }

        here?.Dispose();
    }

    /// <summary>The connection is back: the user is in their room again.</summary>
    public void Resume()
    {
        string roomId;
        lock (_gate)
        {
            if (_here is not null || _room is not { } room)
            {
                return;
            }

            roomId = room.RoomId;
            _here = tracker.Enter(room.RoomId, room.Actor.UserId, room.Actor.DisplayName);
        }

        dispatcher.Dispatch(new PresenceLoaded(roomId, tracker.Online(roomId)));
    }

    public void Dispose()
    {
        IDisposable[] current;
        IDisposable? here;
        lock (_gate)
        {
            (current, here) = (_current, _here);
            (_current, _here, _room) = ([], null, null);
        }

        Array.ForEach(current, handle => handle.Dispose());
        here?.Dispose();
    }

    private ValueTask Dispatch(object action)
    {
        dispatcher.Dispatch(action);
        return ValueTask.CompletedTask;
    }
}
