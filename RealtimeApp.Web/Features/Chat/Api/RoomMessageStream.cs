using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Rooms.Presence;
using RealtimeApp.Web.Realtime.Backplane;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Features.Chat.Api;

/// <summary>
/// A room's new messages for one API subscription, tracked by the room sequence, resumable without gap or duplicate:
/// it subscribes live first (the room topic on the connection's aggregator; a synchronous handler puts each event
/// straight into this stream's bounded buffer, and ends the stream with an error rather than drop one when the
/// consumer falls behind), then replays from the database everything after <c>lastEventId</c>, then drains
/// the live buffer skipping what the replay already delivered. A live message that does not follow on from the last
/// one, or a <see cref="BackplaneResumed"/>, means messages published on another node were missed: they are read from
/// the database first, so a Redis outage leaves no gap. While it runs the connection counts as present in the room;
/// it ends with FORBIDDEN when the subscriber is removed from the room.
/// </summary>
internal sealed class RoomMessageStream
{
    /// <summary>
    /// Live events waiting for the stream (for example while the replay runs); beyond that the stream ends with an
    /// error. Larger than the message writer's largest batch, which is published in one go.
    /// </summary>
    internal const int BufferCapacity = 5120;

    private readonly Channel<IRealtimeEvent> _live = Channel.CreateBounded<IRealtimeEvent>(
        new BoundedChannelOptions(BufferCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private volatile bool _overflowed;

    private readonly string _roomId;
    private readonly string _roomName;
    private readonly Actor _actor;
    private readonly IEventSubscription _subscription;
    private readonly IEventSubscription _resumes;
    private volatile bool _removed;

    private RoomMessageStream(EventAggregator aggregator, string roomId, string roomName, Actor actor)
    {
        _roomId = roomId;
        _roomName = roomName;
        _actor = actor;
        // Synchronous: delivered inline under the room topic's lock (so in order, one writer at a time), one hand-off
        // to the reader instead of a queue and a pump per subscriber.
        _subscription = aggregator.Subscribe<IRealtimeEvent>(Topics.Room(roomId), OnEvent);
        _resumes = aggregator.Subscribe<BackplaneResumed>(Topics.Backplane, OnEvent);
    }

    /// <summary>
    /// Authorizes and subscribes (errors here come before <c>started</c>), then returns the stream of the room's messages,
    /// each as <paramref name="project"/> makes it, under its sequence as event id. A live message is serialized once for
    /// every subscriber with the same projection (<see cref="SharedPayloads"/>): pass a projection that captures nothing.
    /// </summary>
    public static async Task<IAsyncEnumerable<TrackedEvent<SerializedJson>>> OpenAsync<T>(ProcedureContext context, OnMessageInput input, Func<ChatMessageView, T> project)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var actor = context.RequireActor();
        var after = SequenceCursor.Parse(input.LastEventId, "message");
        var services = context.Services;
        var history = services.GetRequiredService<ChatHistory>();
        var room = (await history.ReadableRoomAsync(actor, input.RoomId, context.CancellationToken)).ValueOrThrow();

        // Live first, then the room's last sequence: a message committed after this read is above it and delivered (a
        // live-only subscriber gets everything posted once it has started); one below it was posted before.
        var stream = new RoomMessageStream(services.GetRequiredService<EventAggregator>(), input.RoomId, room.Name, actor);
        try
        {
            var last = await history.LastSequenceAsync(room.Id, context.CancellationToken);
            if (after > last)
            {
                throw InputErrors.Invalid("lastEventId", $"{after} is beyond the last message of #{room.Name} ({last})");
            }

            return stream.ReadAsync(history, services.GetRequiredService<PresenceTracker>(), services.GetRequiredService<BackplaneMetrics>(), after, last, project);
        }
        catch
        {
            await stream.UnsubscribeAsync();
            throw;
        }
    }

    private async IAsyncEnumerable<TrackedEvent<SerializedJson>> ReadAsync<T>(
        ChatHistory history, PresenceTracker presence, BackplaneMetrics metrics, long? after, long lastWhenOpened, Func<ChatMessageView, T> project,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            using var here = presence.Enter(_roomId, _actor.UserId, _actor.DisplayName);

            // The last sequence delivered (or, live only, the room's last one once the live subscription began). Live
            // sequences follow on from it one by one, so a jump means events were missed (another node's, while the
            // backplane was down): they are read from the database, as after a BackplaneResumed.
            var last = after ?? lastWhenOpened;
            if (after is not null)
            {
                await foreach (var message in ReplayAsync(history, last, before: long.MaxValue, cancellationToken))
                {
                    ThrowIfRemoved();
                    last = message.Sequence;
                    yield return Stored(message, project);
                }
            }

            await foreach (var realtimeEvent in _live.Reader.ReadAllAsync(cancellationToken))
            {
                if (realtimeEvent is MessagePosted or BackplaneResumed)
                {
                    var before = realtimeEvent is MessagePosted next ? next.Sequence : long.MaxValue;
                    if (before > last + 1)
                    {
                        metrics.CatchUpRead();
                    }

                    await foreach (var missed in ReplayAsync(history, last, before, cancellationToken))
                    {
                        ThrowIfRemoved();
                        last = missed.Sequence;
                        yield return Stored(missed, project);
                    }
                }

                if (realtimeEvent is MessagePosted posted && posted.Sequence > last)
                {
                    last = posted.Sequence;
                    yield return Track(posted.Sequence, SharedPayloads.For(posted, project, static (p, projection) => projection(ToView(p))));
                }
                else if (IsRemoval(realtimeEvent))
                {
                    throw Removed();
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (_overflowed)
            {
                throw new TrpcException(
                    TrpcErrorCode.ServiceUnavailable,
                    $"This subscription fell more than {BufferCapacity} messages behind #{_roomName}. Subscribe again with lastEventId to resume.");
            }
        }
        finally
        {
            await UnsubscribeAsync();
        }
    }

    private async ValueTask UnsubscribeAsync()
    {
        await _subscription.DisposeAsync();
        await _resumes.DisposeAsync();
    }

    private IAsyncEnumerable<Domain.Chat.ChatMessage> ReplayAsync(ChatHistory history, long after, long before, CancellationToken cancellationToken) =>
        SequenceReplay.BetweenAsync((from, limit, token) => history.AfterAsync(_roomId, from, limit, token), message => message.Sequence, after, before, cancellationToken);

    private void OnEvent(IRealtimeEvent realtimeEvent)
    {
        if (IsRemoval(realtimeEvent))
        {
            _removed = true;
        }
        else if (realtimeEvent is not (MessagePosted or BackplaneResumed))
        {
            return;
        }

        if (!_live.Writer.TryWrite(realtimeEvent) && !_overflowed)
        {
            _overflowed = true;
            _live.Writer.TryComplete();
        }
    }

    private bool IsRemoval(IRealtimeEvent realtimeEvent) =>
        realtimeEvent is RoomMembershipChanged { IsMember: false } change && change.UserId == _actor.UserId;

    private void ThrowIfRemoved()
    {
        if (_removed)
        {
            throw Removed();
        }
    }

    private TrpcException Removed() => new(TrpcErrorCode.Forbidden, $"You are no longer a member of #{_roomName}.");

    private static TrackedEvent<SerializedJson> Track(long sequence, SerializedJson payload) => new(SequenceCursor.Format(sequence), payload);

    private static TrackedEvent<SerializedJson> Stored<T>(Domain.Chat.ChatMessage message, Func<ChatMessageView, T> project) =>
        Track(message.Sequence, SerializedJson.From(project(ChatMessageView.From(message))));

    private static ChatMessageView ToView(MessagePosted posted) => new(
        long.Parse(posted.MessageId, CultureInfo.InvariantCulture), posted.RoomId, posted.Sequence, posted.AuthorId, posted.AuthorName,
        posted.Text, posted.PostedAt, EditedAt: null, IsDeleted: false, posted.Mentions, posted.ClientId);
}
