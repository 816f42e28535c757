using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Streams;

namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>
/// One room's events for a circuit, as store actions: new messages by sequence (read back from the database when
/// missed), edits and deletions as they come, and the end of the feed when the user is removed from the room. After
/// falling behind, the chat reads its rooms and open room again, for the edits and deletions the database cannot replay.
/// </summary>
internal sealed class RoomFeedSource(ChatHistory history, string roomId, string userId) : StreamSource<object>
{
    public override IReadOnlyList<IEventSubscription> SubscribeLive(EventAggregator aggregator, Action<IRealtimeEvent> deliver) =>
        [aggregator.Subscribe(Topics.Room(roomId), deliver)];

    public override LiveSignal Classify(IRealtimeEvent realtimeEvent) => realtimeEvent switch
    {
        MessagePosted posted => LiveSignal.Item(posted.Sequence),
        MessageEdited or MessageDeleted => LiveSignal.Update,
        RoomMembershipChanged { IsMember: false } left when left.UserId == userId => LiveSignal.Final,
        _ => LiveSignal.Ignore,
    };

    public override object Project(IRealtimeEvent realtimeEvent) => realtimeEvent switch
    {
        MessagePosted posted => ChatEvents.ToAction(posted),
        MessageEdited edited => ChatEvents.ToAction(edited),
        MessageDeleted deleted => ChatEvents.ToAction(deleted),
        _ => new RemovedFromRoom(roomId),
    };

    public override async Task<IReadOnlyList<StreamEvent<object>>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var page = await history.AfterAsync(roomId, afterSequence, limit, cancellationToken);
        return [.. page.Select(message => new StreamEvent<object>(message.Sequence, new MessageReceived(ChatMessageView.From(message))))];
    }

    public override bool TryGetResyncNotice(out object notice)
    {
        notice = new ChatResyncRequested();
        return true;
    }
}
