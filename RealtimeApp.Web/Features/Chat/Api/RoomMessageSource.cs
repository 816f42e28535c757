using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;
using RealtimeApp.Web.Realtime.Streams;

namespace RealtimeApp.Web.Features.Chat.Api;

/// <summary>
/// A room's new messages for one API subscriber, each as <c>project</c> makes it, serialized: a live message once for
/// every subscriber with the same projection (<see cref="SharedPayloads"/>). Removing the subscriber from the room
/// ends the stream with FORBIDDEN.
/// </summary>
internal sealed class RoomMessageSource<T>(ChatHistory history, string roomId, string roomName, string userId, Func<ChatMessageView, T> project)
    : StreamSource<SerializedJson>
{
    public override IReadOnlyList<IEventSubscription> SubscribeLive(EventAggregator aggregator, Action<IRealtimeEvent> deliver) =>
        [aggregator.Subscribe(Topics.Room(roomId), deliver)];

    public override LiveSignal Classify(IRealtimeEvent realtimeEvent) => realtimeEvent switch
    {
        MessagePosted posted => LiveSignal.Item(posted.Sequence),
        RoomMembershipChanged { IsMember: false } left when left.UserId == userId => LiveSignal.Fail,
        _ => LiveSignal.Ignore,
    };

    public override SerializedJson Project(IRealtimeEvent realtimeEvent) =>
        SharedPayloads.For((MessagePosted)realtimeEvent, project, static (posted, projection) => projection(ChatMessageView.From(posted)));

    public override Exception Failure(IRealtimeEvent realtimeEvent) =>
        new TrpcException(TrpcErrorCode.Forbidden, $"You are no longer a member of #{roomName}.");

    public override async Task<IReadOnlyList<StreamEvent<SerializedJson>>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var page = await history.AfterAsync(roomId, afterSequence, limit, cancellationToken);
        return [.. page.Select(message => new StreamEvent<SerializedJson>(message.Sequence, SerializedJson.From(project(ChatMessageView.From(message)))))];
    }
}
