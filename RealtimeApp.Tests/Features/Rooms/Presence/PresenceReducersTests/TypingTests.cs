using System.Collections.Immutable;
using RealtimeApp.Web.Features.Rooms.Presence;
using RealtimeApp.Web.Features.Rooms.Presence.Store;

namespace RealtimeApp.Tests.Features.Rooms.Presence.PresenceReducersTests;

public sealed class TypingTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly PresenceState InDev = new() { UserId = "ana", RoomId = "dev", Online = [new PresenceMember("ana", "Ana"), new PresenceMember("bob", "Bob")] };

    [Fact]
    public void OnTyping_AddsMemberUntilExpiry_WhenAnotherUserTypesInTheRoom()
    {
        var state = PresenceReducers.OnTyping(InDev, new TypingUpdated("dev", "bob", "Bob", IsTyping: true, Noon));

        state.Typing.ShouldHaveSingleItem().ShouldBe(new KeyValuePair<string, TypingMember>("bob", new TypingMember("Bob", Noon + TypingNotifier.Expiry)));
    }

    [Fact]
    public void OnTyping_IgnoresIt_WhenTheTypistIsTheUser()
    {
        var state = PresenceReducers.OnTyping(InDev, new TypingUpdated("dev", "ana", "Ana", IsTyping: true, Noon));

        state.ShouldBeSameAs(InDev);
    }

    [Fact]
    public void OnTyping_IgnoresIt_WhenItIsForAnotherRoom()
    {
        var state = PresenceReducers.OnTyping(InDev, new TypingUpdated("ops", "bob", "Bob", IsTyping: true, Noon));

        state.ShouldBeSameAs(InDev);
    }

    [Fact]
    public void OnTyping_RemovesMember_WhenTheyStopped()
    {
        var typing = PresenceReducers.OnTyping(InDev, new TypingUpdated("dev", "bob", "Bob", IsTyping: true, Noon));

        var state = PresenceReducers.OnTyping(typing, new TypingUpdated("dev", "bob", "Bob", IsTyping: false, Noon.AddSeconds(1)));

        state.Typing.ShouldBeEmpty();
    }

    [Fact]
    public void OnExpired_RemovesEntriesExpiringAtOrBeforeNow_WhenSomeAreStale()
    {
        var state = InDev with
        {
            Typing = ImmutableDictionary<string, TypingMember>.Empty
                .Add("old", new TypingMember("Old", Noon.AddSeconds(-1)))
                .Add("due", new TypingMember("Due", Noon))
                .Add("fresh", new TypingMember("Fresh", Noon.AddTicks(1))),
        };

        var expired = PresenceReducers.OnExpired(state, new TypingExpired(Noon));

        expired.Typing.Keys.ShouldBe(["fresh"]);
    }

    [Fact]
    public void OnExpired_ReturnsTheSameState_WhenNothingIsStale()
    {
        var state = InDev with { Typing = ImmutableDictionary<string, TypingMember>.Empty.Add("bob", new TypingMember("Bob", Noon.AddSeconds(5))) };

        var expired = PresenceReducers.OnExpired(state, new TypingExpired(Noon));

        expired.ShouldBeSameAs(state);
    }
}
