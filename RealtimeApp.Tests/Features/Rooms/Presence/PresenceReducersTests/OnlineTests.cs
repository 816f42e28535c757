using System.Collections.Immutable;
using RealtimeApp.Web.Features.Rooms.Presence;
using RealtimeApp.Web.Features.Rooms.Presence.Store;
using RealtimeApp.Web.Shared.Actions;

namespace RealtimeApp.Tests.Features.Rooms.Presence.PresenceReducersTests;

public sealed class OnlineTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly PresenceState InDev = new()
    {
        UserId = "ana",
        RoomId = "dev",
        Online = [new PresenceMember("ana", "Ana"), new PresenceMember("bob", "Bob")],
        Typing = ImmutableDictionary<string, TypingMember>.Empty.Add("bob", new TypingMember("Bob", Noon.AddSeconds(6))),
    };

    [Fact]
    public void OnUpdated_RemovesFromOnlineAndTyping_WhenUserGoesOffline()
    {
        var state = PresenceReducers.OnUpdated(InDev, new PresenceUpdated("dev", new PresenceMember("bob", "Bob"), IsOnline: false));

        state.Online.ShouldBe([new PresenceMember("ana", "Ana")]);
        state.Typing.ShouldBeEmpty();
    }

    [Fact]
    public void OnUpdated_AddsInNameOrderOnce_WhenUserComesOnline()
    {
        var once = PresenceReducers.OnUpdated(InDev, new PresenceUpdated("dev", new PresenceMember("al", "al"), IsOnline: true));

        var twice = PresenceReducers.OnUpdated(once, new PresenceUpdated("dev", new PresenceMember("al", "al"), IsOnline: true));

        twice.Online.Select(m => m.UserId).ShouldBe(["al", "ana", "bob"]);
        twice.Typing.ContainsKey("bob").ShouldBeTrue();
    }

    [Fact]
    public void OnUpdated_IgnoresIt_WhenItIsForAnotherRoom()
    {
        var state = PresenceReducers.OnUpdated(InDev, new PresenceUpdated("ops", new PresenceMember("bob", "Bob"), IsOnline: false));

        state.ShouldBeSameAs(InDev);
    }

    [Fact]
    public void OnLoaded_IgnoresIt_WhenItIsForAnotherRoom()
    {
        var state = PresenceReducers.OnLoaded(InDev, new PresenceLoaded("ops", [new PresenceMember("carl", "Carl")]));

        state.ShouldBeSameAs(InDev);
    }

    [Fact]
    public void OnRoomOpened_ClearsOnlineAndTyping_WhenAnotherRoomOpens()
    {
        var state = PresenceReducers.OnRoomOpened(InDev, new RoomOpened("ops"));

        state.RoomId.ShouldBe("ops");
        state.Online.ShouldBeEmpty();
        state.Typing.ShouldBeEmpty();
    }
}
