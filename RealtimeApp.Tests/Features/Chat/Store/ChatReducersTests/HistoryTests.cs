using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.Shared.Actions;
using static RealtimeApp.Tests.Features.Chat.Support.ChatSamples;

namespace RealtimeApp.Tests.Features.Chat.Store.ChatReducersTests;

public sealed class HistoryTests
{
    private static readonly ChatState Opened = ChatReducers.OnRoomOpened(new ChatState { UserId = "ana", Rooms = [Room("dev")] }, new RoomOpened("dev"));

    [Fact]
    public void OnHistoryLoaded_KeepsLiveMessages_WhenTheyArrivedDuringLoading()
    {
        var live = ChatReducers.OnReceived(Opened, new MessageReceived(Message(51)));
        var page = SequenceRange.Of(1, 50).Select(sequence => Message(sequence)).ToList();

        var state = ChatReducers.OnHistoryLoaded(live, new HistoryLoaded("dev", page, HasOlder: true, Older: false));

        state.Messages.Select(m => m.Sequence).ShouldBe(SequenceRange.Of(1, 51));
        state.HasOlder.ShouldBeTrue();
    }

    [Fact]
    public void OnHistoryLoaded_PrependsOlderPage_WhenLoadingOlder()
    {
        var newest = ChatReducers.OnHistoryLoaded(Opened, new HistoryLoaded("dev", [Message(3), Message(4)], HasOlder: true, Older: false));
        var loading = ChatReducers.OnLoadOlder(newest);

        var state = ChatReducers.OnHistoryLoaded(loading, new HistoryLoaded("dev", [Message(1), Message(2)], HasOlder: false, Older: true));

        loading.LoadingOlder.ShouldBeTrue();
        state.LoadingOlder.ShouldBeFalse();
        state.HasOlder.ShouldBeFalse();
        state.Messages.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L, 4L]);
    }

    [Fact]
    public void OnHistoryLoaded_IgnoresPage_WhenItIsForAnotherRoom()
    {
        var state = ChatReducers.OnHistoryLoaded(Opened, new HistoryLoaded("ops", [Message(1, roomId: "ops")], HasOlder: false, Older: false));

        state.ShouldBeSameAs(Opened);
    }

    [Fact]
    public void OnRoomOpened_ClearsMessagesAndError_WhenSwitchingRooms()
    {
        var loaded = ChatReducers.OnHistoryLoaded(Opened, new HistoryLoaded("dev", [Message(1)], HasOlder: false, Older: false)) with { Error = "oops" };

        var state = ChatReducers.OnRoomOpened(loaded, new RoomOpened("ops"));

        state.CurrentRoomId.ShouldBe("ops");
        state.Messages.ShouldBeEmpty();
        state.Error.ShouldBeNull();
    }
}
