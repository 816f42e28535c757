using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.State.Support;
using RealtimeApp.Web.Features.Rooms.Presence;
using RealtimeApp.Web.Features.Rooms.Presence.Store;
using RealtimeApp.Web.Shared.Actions;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Features.Rooms.Presence.CircuitPresenceTests;

/// <summary>One circuit's presence on the real tracker and hub, dispatching into a real store with the presence feature.</summary>
public sealed class SuspendResumeTests : IDisposable
{
    private static readonly Actor Ana = new("ana", "Ana", new HashSet<string> { Roles.Staff });

    private readonly TestStore _circuit = new(
        options => options.ScanTypes(typeof(PresenceState), typeof(PresenceReducers)),
        services => services
            .AddSingleton(_ => new EventHub())
            .AddScoped<EventAggregator>()
            .AddSingleton<PresenceTracker>()
            .AddScoped<CircuitPresence>());

    private EventHub Hub => _circuit.Services.GetRequiredService<EventHub>();

    private PresenceTracker Tracker => _circuit.Services.GetRequiredService<PresenceTracker>();

    private CircuitPresence Presence => _circuit.Services.GetRequiredService<CircuitPresence>();

    private PresenceState State => _circuit.Services.GetRequiredService<IState<PresenceState>>().Value;

    [Fact]
    public async Task Suspend_TakesUserOffline_WhenTheirRoomIsOpen()
    {
        await EnterDevAsync();
        using var presence = new EventRecorder<PresenceChanged>(Hub, Topics.Presence("dev"));

        Presence.Suspend();

        presence.Events.ShouldHaveSingleItem().IsOnline.ShouldBeFalse();
        Tracker.Online("dev").ShouldBeEmpty();
    }

    [Fact]
    public async Task Resume_BringsUserBackOnline_WhenSuspended()
    {
        await EnterDevAsync();
        Presence.Suspend();
        using var presence = new EventRecorder<PresenceChanged>(Hub, Topics.Presence("dev"));

        Presence.Resume();

        presence.Events.ShouldHaveSingleItem().IsOnline.ShouldBeTrue();
        Tracker.Online("dev").ShouldBe([new PresenceMember("ana", "Ana")]);
        await Eventually.WaitUntilAsync(() => State.Online.Contains(new PresenceMember("ana", "Ana")), "the store shows Ana online again");
    }

    [Fact]
    public async Task Resume_DoesNothing_WhenNotSuspended()
    {
        await EnterDevAsync();
        using var presence = new EventRecorder<PresenceChanged>(Hub, Topics.Presence("dev"));

        Presence.Resume();
        Presence.Dispose();

        presence.Events.ShouldHaveSingleItem().IsOnline.ShouldBeFalse();
    }

    [Fact]
    public async Task Dispose_PublishesNoSecondOffline_WhenSuspendedBefore()
    {
        await EnterDevAsync();
        using var presence = new EventRecorder<PresenceChanged>(Hub, Topics.Presence("dev"));

        Presence.Suspend();
        Presence.Dispose();

        presence.Events.ShouldHaveSingleItem().IsOnline.ShouldBeFalse();
        Tracker.Online("dev").ShouldBeEmpty();
    }

    [Fact]
    public async Task Resume_DoesNothing_WhenDisposedAfterSuspend()
    {
        await EnterDevAsync();
        Presence.Suspend();
        Presence.Dispose();
        using var presence = new EventRecorder<PresenceChanged>(Hub, Topics.Presence("dev"));

        Presence.Resume();

        presence.Events.ShouldBeEmpty();
        Tracker.Online("dev").ShouldBeEmpty();
    }

    [Fact]
    public async Task Suspend_KeepsUserOnline_WhenAnotherConnectionOfTheirsIsInTheRoom()
    {
        await EnterDevAsync();
        using var otherTab = Tracker.Enter("dev", Ana.UserId, Ana.DisplayName);
        using var presence = new EventRecorder<PresenceChanged>(Hub, Topics.Presence("dev"));

        Presence.Suspend();

        presence.Events.ShouldBeEmpty();
        Tracker.Online("dev").ShouldBe([new PresenceMember("ana", "Ana")]);
    }

    public void Dispose() => _circuit.Dispose();

    private async Task EnterDevAsync()
    {
        await _circuit.Store.InitializeAsync().WithTimeout();
        _circuit.Dispatcher.Dispatch(new RoomOpened("dev"));
        Presence.Enter("dev", Ana);
        await Eventually.WaitUntilAsync(() => State.Online.Contains(new PresenceMember("ana", "Ana")), "the store shows Ana in #dev");
    }
}
