using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Streams;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>
/// The circuit's live subscriptions: one <see cref="CircuitFeed"/> per room it shows (the room's events in order, caught
/// up from the database whenever the circuit falls behind, so a busy circuit never slows a publisher nor misses a
/// message) and one to room changes. All on the circuit's aggregator, so they end with the circuit. A member removed
/// from a room stops receiving it. When the backplane comes back after an outage (other nodes' events were missed),
/// each room's feed reads what it missed and the chat reads its rooms again.
/// </summary>
public sealed class RoomFeed(EventAggregator aggregator, IDispatcher dispatcher, ChatHistory history, StreamMetrics metrics, ILogger<RoomFeed> logger) : IDisposable
{
    private readonly Dictionary<string, CircuitFeed> _rooms = new(StringComparer.Ordinal);
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

    /// <summary>Follows <paramref name="roomId"/> from its last message now; the task ends once the feed has started.</summary>
    public Task FollowAsync(string roomId)
    {
        lock (_gate)
        {
            if (_userId is null)
            {
                throw new InvalidOperationException("Start the feed with the signed-in user first.");
            }

            if (!_rooms.TryGetValue(roomId, out var feed))
            {
                feed = CircuitFeed.Start(
                    aggregator, dispatcher, new RoomFeedSource(history, roomId, _userId), token => history.LastSequenceAsync(roomId, token), metrics, logger);
                _rooms[roomId] = feed;
                feed.Completion.ContinueWith(_ => Forget(roomId, feed), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return feed.Started;
        }
    }

    public void Unfollow(string roomId)
    {
        lock (_gate)
        {
            if (_rooms.Remove(roomId, out var feed))
            {
                feed.Dispose();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var feed in _rooms.Values)
            {
                feed.Dispose();
            }

            _rooms.Clear();
            _roomChanges?.Dispose();
            _resumes?.Dispose();
        }
    }

    private void Forget(string roomId, CircuitFeed ended)
    {
        lock (_gate)
        {
            if (_rooms.TryGetValue(roomId, out var current) && ReferenceEquals(current, ended))
            {
                _rooms.Remove(roomId);
            }
        }
    }

    private ValueTask Dispatch(object action)
    {
        dispatcher.Dispatch(action);
        return ValueTask.CompletedTask;
    }
}
