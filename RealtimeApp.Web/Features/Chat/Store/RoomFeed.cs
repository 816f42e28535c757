using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>
/// The circuit's live subscriptions: one per room it shows (all the room topic's events, in order, on its own queue,
/// so a busy circuit never slows a publisher) and one to room changes. All on the circuit's aggregator, so they end
/// with the circuit. A member removed from a room stops receiving it before the room's next event. When the backplane
/// comes back after an outage (other nodes' events were missed), the chat reads its rooms and open room again.
/// </summary>
public sealed class RoomFeed(EventAggregator aggregator, IDispatcher dispatcher) : IDisposable
{
    private readonly Dictionary<string, IDisposable> _rooms = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private IDisposable? _roomChanges;
    private IDisposable? _resumes;
    private string? _userId;

    public void Start(string userId)
    {
        lock (_gate)
        {
            _userId = userId;
            _roomChanges ??= aggregator.Subscribe<RoomChanged>(Topics.Rooms, (e, _) => Dispatch(new RoomsChanged(e.RoomId)));
            _resumes ??= aggregator.Subscribe<BackplaneResumed>(Topics.Backplane, (_, _) => Dispatch(new ChatResyncRequested()));
        }
    }

    public void Follow(string roomId)
    {
        lock (_gate)
        {
            if (!_rooms.ContainsKey(roomId))
            {
                _rooms[roomId] = aggregator.Subscribe<IRealtimeEvent>(Topics.Room(roomId), (e, _) => OnRoomEvent(roomId, e));
            }
        }
    }

    public void Unfollow(string roomId)
    {
        lock (_gate)
        {
            if (_rooms.Remove(roomId, out var subscription))
            {
                subscription.Dispose();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var subscription in _rooms.Values)
            {
                subscription.Dispose();
            }

            _rooms.Clear();
            _roomChanges?.Dispose();
            _resumes?.Dispose();
        }
    }

    private ValueTask OnRoomEvent(string roomId, IRealtimeEvent realtimeEvent)
    {
        switch (realtimeEvent)
        {
            case MessagePosted posted:
                return Dispatch(ChatEvents.ToAction(posted));
            case MessageEdited edited:
                return Dispatch(ChatEvents.ToAction(edited));
            case MessageDeleted deleted:
                return Dispatch(ChatEvents.ToAction(deleted));
            case RoomMembershipChanged { IsMember: false } left when left.UserId == _userId:
                Unfollow(roomId);
                return Dispatch(new RemovedFromRoom(roomId));
            default:
                return ValueTask.CompletedTask;
        }
    }

    private ValueTask Dispatch(object action)
    {
        dispatcher.Dispatch(action);
        return ValueTask.CompletedTask;
    }
}
