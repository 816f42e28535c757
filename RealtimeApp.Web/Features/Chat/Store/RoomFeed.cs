using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>
/// The circuit's live subscriptions to the rooms it shows, one set per room, on the circuit's aggregator
/// (so they end with the circuit). Each runs on its own queue, so a busy circuit never slows a publisher.
/// </summary>
public sealed class RoomFeed(EventAggregator aggregator, IDispatcher dispatcher) : IDisposable
{
    private readonly Dictionary<string, IDisposable[]> _rooms = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Follow(string roomId)
    {
        lock (_gate)
        {
            if (_rooms.ContainsKey(roomId))
            {
                return;
            }

            var topic = Topics.Room(roomId);
            _rooms[roomId] =
            [
                aggregator.Subscribe<MessagePosted>(topic, (e, _) => Dispatch(ChatEvents.ToAction(e))),
                aggregator.Subscribe<MessageEdited>(topic, (e, _) => Dispatch(ChatEvents.ToAction(e))),
                aggregator.Subscribe<MessageDeleted>(topic, (e, _) => Dispatch(ChatEvents.ToAction(e))),
            ];
        }
    }

    public void Unfollow(string roomId)
    {
        lock (_gate)
        {
            if (_rooms.Remove(roomId, out var subscriptions))
            {
                Array.ForEach(subscriptions, subscription => subscription.Dispose());
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var subscriptions in _rooms.Values)
            {
                Array.ForEach(subscriptions, subscription => subscription.Dispose());
            }

            _rooms.Clear();
        }
    }

    private ValueTask Dispatch(object action)
    {
        dispatcher.Dispatch(action);
        return ValueTask.CompletedTask;
    }
}
