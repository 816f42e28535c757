using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Rooms.Presence;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Streams;

namespace RealtimeApp.Web.Features.Chat.Api;

/// <summary>
/// <c>chat.onMessage</c>: a room's new messages, tracked by the room sequence and resumable without gap or duplicate
/// (a <see cref="ResumableStream{TOut}"/> of the room). While it runs the connection counts as present in the room;
/// it ends with FORBIDDEN when the subscriber is removed from the room.
/// </summary>
internal static class RoomMessageStream
{
    /// <summary>
    /// Live messages held while the subscriber is busy (for example while the replay runs); beyond that they are read back
    /// from the database. Larger than the message writer's largest batch, which is published in one go.
    /// </summary>
    internal const int BufferCapacity = 5120;

    /// <summary>
    /// Authorizes and subscribes (errors here come before <c>started</c>), then returns the stream of the room's messages,
    /// each as <paramref name="project"/> makes it, under its sequence as event id. Pass a projection that captures
    /// nothing, so that a live message is serialized once for all its subscribers.
    /// </summary>
    public static async Task<IAsyncEnumerable<TrackedEvent<SerializedJson>>> OpenAsync<T>(ProcedureContext context, OnMessageInput input, Func<ChatMessageView, T> project)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var actor = context.RequireActor();
        var after = SequenceCursor.Parse(input.LastEventId, "message");
        var history = context.Get<ChatHistory>();
        var room = (await history.ReadableRoomAsync(actor, input.RoomId, context.CancellationToken)).ValueOrThrow();

        // Live first, then the room's last sequence: a message committed after this read is above it and delivered (a
        // live-only subscriber gets everything posted once it has started); one below it was posted before.
        var source = new RoomMessageSource<T>(history, room.Id, room.Name, actor.UserId, project);
        var stream = ResumableStream<SerializedJson>.Subscribe(context.Get<EventAggregator>(), source, BufferCapacity);
        try
        {
            var last = await history.LastSequenceAsync(room.Id, context.CancellationToken);
            if (after > last)
            {
                throw InputErrors.Invalid("lastEventId", $"{after} is beyond the last message of #{room.Name} ({last})");
            }

            return ReadAsync(stream, context.Get<PresenceTracker>(), context.Get<StreamMetrics>(), room.Id, actor, after, last);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<TrackedEvent<SerializedJson>> ReadAsync(
        ResumableStream<SerializedJson> stream, PresenceTracker presence, StreamMetrics metrics, string roomId, Actor actor, long? after, long last,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var here = presence.Enter(roomId, actor.UserId, actor.DisplayName);
        await foreach (var message in stream.ReadAsync(after, last, metrics, cancellationToken))
        {
            yield return new TrackedEvent<SerializedJson>(SequenceCursor.Format(message.Sequence), message.Value);
        }
    }
}
