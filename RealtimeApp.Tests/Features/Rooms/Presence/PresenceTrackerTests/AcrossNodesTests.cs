using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Rooms.Presence;

namespace RealtimeApp.Tests.Features.Rooms.Presence.PresenceTrackerTests;

/// <summary>Two nodes, each with its own hub and tracker, on one bus: presence is the union of the nodes.</summary>
public sealed class AcrossNodesTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEventBackplane _bus = new();
    private readonly EventHub _hubA;
    private readonly EventHub _hubB;
    private readonly PresenceTracker _a;
    private readonly PresenceTracker _b;

    public AcrossNodesTests()
    {
        (_hubA, _hubB) = (new EventHub(_bus), new EventHub(_bus));
        (_a, _b) = (new PresenceTracker(_hubA, _time), new PresenceTracker(_hubB, _time));
    }

    [Fact]
    public void Online_ListsTheUsersOfEveryNode_OnEachNode()
    {
        using var ana = _a.Enter("dev", "ana", "Ana");
        using var bob = _b.Enter("dev", "bob", "Bob");

        _a.Online("dev").Select(m => m.UserName).ShouldBe(["Ana", "Bob"]);
        _b.Online("dev").Select(m => m.UserName).ShouldBe(["Ana", "Bob"]);
    }

    [Fact]
    public void Leave_KeepsTheUserOnline_WhileAnotherNodeHasThem_AndSaysOfflineOnceWhenTheLastLeaves()
    {
        var onA = _a.Enter("dev", "ana", "Ana");
        var onB = _b.Enter("dev", "ana", "Ana");
        using var seenOnB = new EventRecorder<PresenceChanged>(_hubB, Topics.Presence("dev"));

        onA.Dispose();
        var afterFirstLeave = seenOnB.Events.ToList();
        onB.Dispose();

        afterFirstLeave.ShouldBeEmpty();
        seenOnB.Events.ShouldHaveSingleItem().ShouldBe(new PresenceChanged("dev", "ana", "Ana", IsOnline: false));
        _a.Online("dev").ShouldBeEmpty();
    }

    [Fact]
    public void DropSilentNodes_TakesADeadNodesUsersOffline_AfterTheTimeout()
    {
        _a.Enter("dev", "ana", "Ana");
        using var bob = _b.Enter("dev", "bob", "Bob");
        using var seenOnB = new EventRecorder<PresenceChanged>(_hubB, Topics.Presence("dev"));

        // Node A is killed: it never leaves and sends no more heartbeats; node B goes on with its own.
        _time.Advance(PresenceTracker.NodeTimeout - TimeSpan.FromSeconds(1));
        _b.PublishHeartbeat();
        _b.DropSilentNodes();
        var beforeTimeout = _b.Online("dev").Select(m => m.UserName).ToList();
        _time.Advance(TimeSpan.FromSeconds(2));
        _b.PublishHeartbeat();
        _b.DropSilentNodes();

        beforeTimeout.ShouldBe(["Ana", "Bob"]);
        _b.Online("dev").Select(m => m.UserName).ShouldBe(["Bob"]);
        seenOnB.Events.ShouldHaveSingleItem().ShouldBe(new PresenceChanged("dev", "ana", "Ana", IsOnline: false));
    }

    [Fact]
    public void PublishHeartbeat_TellsANodeWhatItMissed()
    {
        using var lateHub = new EventHub(new InMemoryEventBackplane());
        using var late = new PresenceTracker(lateHub, _time);
        using var ana = _a.Enter("dev", "ana", "Ana");
        // The late node joins the bus after Ana entered: it heard nothing of her.
        using var joined = _bus.Connect(realtimeEvent => lateHub.PublishLocal(realtimeEvent));
        using var seen = new EventRecorder<PresenceChanged>(lateHub, Topics.Presence("dev"));

        _a.PublishHeartbeat();

        late.Online("dev").ShouldHaveSingleItem().UserName.ShouldBe("Ana");
        seen.Events.ShouldHaveSingleItem().ShouldBe(new PresenceChanged("dev", "ana", "Ana", IsOnline: true));
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _hubA.Dispose();
        _hubB.Dispose();
    }
}
