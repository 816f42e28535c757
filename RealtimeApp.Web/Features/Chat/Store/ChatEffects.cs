using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Features.Rooms;
using RealtimeApp.Web.Shared.Actions;
using RealtimeApp.Web.Shared.Actors;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>Loading rooms and history, following rooms live and keeping read markers current.</summary>
public sealed class ChatEffects(
    CircuitActor circuit,
    RoomService rooms,
    ChatHistory history,
    MentionCandidates mentions,
    ReadMarkers readMarkers,
    RoomFeed feed,
    IState<ChatState> state)
{
    [EffectMethod]
    public async Task HandleAsync(ChatOpened action, IDispatcher dispatcher)
    {
        var actor = await circuit.GetAsync();
        dispatcher.Dispatch(new ChatSessionStarted(actor.UserId));
        feed.Start(actor.UserId);
        await ReloadRoomsAsync(dispatcher);
        var target = action.RoomId ?? state.Value.CurrentRoomId ?? Room.GeneralId;
        dispatcher.Dispatch(new OpenRoom(target));
    }

    [EffectMethod]
    public async Task HandleAsync(OpenRoom action, IDispatcher dispatcher)
    {
        // Live first, then the page: a message committed in between arrives both ways and is kept once.
        await feed.FollowAsync(action.RoomId);
        dispatcher.Dispatch(new RoomOpened(action.RoomId));
        var actor = await circuit.GetAsync();
        var page = await history.PageAsync(actor, action.RoomId, beforeSequence: null);
        if (!page.Succeeded)
        {
            feed.Unfollow(action.RoomId);
            dispatcher.Dispatch(new ChatFailed(page.Failure!.Message));
            return;
        }

        dispatcher.Dispatch(new HistoryLoaded(action.RoomId, page.Value!, HasOlder(page.Value!), Older: false));
        await DescribeAsync(action.RoomId, dispatcher);
        await MarkReadAsync(action.RoomId, page.Value!.LastOrDefault()?.Sequence, dispatcher);
    }

    [EffectMethod(typeof(LoadOlderRequested))]
    public async Task LoadOlderAsync(IDispatcher dispatcher)
    {
        var current = state.Value;
        if (current.CurrentRoomId is not { } roomId || current.Messages.IsEmpty)
        {
            return;
        }

        var page = await history.PageAsync(await circuit.GetAsync(), roomId, current.Messages[0].Sequence);
        dispatcher.Dispatch(page.Succeeded
            ? new HistoryLoaded(roomId, page.Value!, HasOlder(page.Value!), Older: true)
            : new ChatFailed(page.Failure!.Message));
    }

    [EffectMethod]
    public async Task HandleAsync(MessageReceived action, IDispatcher dispatcher)
    {
        if (action.Message.RoomId == state.Value.CurrentRoomId)
        {
            await MarkReadAsync(action.Message.RoomId, action.Message.Sequence, dispatcher);
        }
    }

    [EffectMethod]
    public async Task HandleAsync(LoadMentionCandidates action, IDispatcher dispatcher)
    {
        var candidates = await mentions.ListAsync(await circuit.GetAsync(), action.RoomId);
        dispatcher.Dispatch(new MentionCandidatesLoaded(action.RoomId, candidates.Value ?? []));
    }

    [EffectMethod]
    public async Task HandleAsync(RoomsChanged action, IDispatcher dispatcher)
    {
        await ReloadRoomsAsync(dispatcher);
        if (action.RoomId == state.Value.CurrentRoomId)
        {
            await DescribeAsync(action.RoomId, dispatcher);
        }
    }

    /// <summary>Events of other nodes may have been missed: the unread counts and the open room's latest page are read again.</summary>
    [EffectMethod(typeof(ChatResyncRequested))]
    public async Task ResyncAsync(IDispatcher dispatcher)
    {
        await ReloadRoomsAsync(dispatcher);
        if (state.Value.CurrentRoomId is not { } roomId)
        {
            return;
        }

        var page = await history.PageAsync(await circuit.GetAsync(), roomId, beforeSequence: null);
        if (page.Succeeded)
        {
            dispatcher.Dispatch(new HistoryLoaded(roomId, page.Value!, HasOlder(page.Value!), Older: false));
            await MarkReadAsync(roomId, page.Value!.LastOrDefault()?.Sequence, dispatcher);
        }
    }

    private async Task ReloadRoomsAsync(IDispatcher dispatcher)
    {
        var list = await rooms.ListAsync(await circuit.GetAsync());
        await Task.WhenAll(list.Where(room => room.IsMember).Select(room => feed.FollowAsync(room.Id)));

        dispatcher.Dispatch(new RoomsLoaded(list));
    }

    private async Task DescribeAsync(string roomId, IDispatcher dispatcher)
    {
        var room = await rooms.DescribeAsync(await circuit.GetAsync(), roomId);
        if (room.Succeeded)
        {
            dispatcher.Dispatch(new RoomDescribed(room.Value!));
        }
    }

    private async Task MarkReadAsync(string roomId, long? sequence, IDispatcher dispatcher)
    {
        if (sequence is { } last)
        {
            await readMarkers.MarkReadAsync(await circuit.GetAsync(), roomId, last);
        }

        dispatcher.Dispatch(new RoomRead(roomId, sequence ?? 0));
    }

    private static bool HasOlder(IReadOnlyList<ChatMessageView> page) =>
        page.Count == ChatRules.HistoryPageSize && page[0].Sequence > 1;
}
