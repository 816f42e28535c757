using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Features.Rooms.Presence;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Chat.Api;

public sealed class OnMessageApiTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OnMessage_SendsStartedThenTrackedMessages_WhenMessagesArePosted()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);
        await client.SendAsync("""{"id":4,"method":"subscription","params":{"input":{"roomId":"general"},"path":"chat.onMessage"}}""");
        var started = await client.ReceiveAsync();

        var posted = await _host.PostAsync(ana, Room.GeneralId, "live one");
        await _host.PostAsync(ana, Room.GeneralId, "live two");

        started.ShouldBe("""{"id":4,"result":{"type":"started"}}""");
        var first = await client.ReceiveAsync();
        first.ShouldStartWith($$$"""{"id":4,"result":{"type":"data","data":{"id":"1","data":{"id":{{{posted.Id}}},"roomId":"general","sequence":1,""");
        first.ShouldEndWith("""},"id":"1"}}""");
        Frame.TrackedData(first)["text"]!.GetValue<string>().ShouldBe("live one");
        Frame.TrackedData(first)["authorId"]!.GetValue<string>().ShouldBe(ana.Id);
        var second = await client.ReceiveAsync();
        Frame.TrackedSequence(second).ShouldBe(2);
        Frame.TrackedData(second)["text"]!.GetValue<string>().ShouldBe("live two");
    }

    [Fact]
    public async Task OnMessage_StartsFromNow_WhenNoLastEventId()
    {
        var ana = await _host.CreateUserAsync("ana");
        await _host.PostManyAsync(ana, Room.GeneralId, 1, 3);
        var client = await _host.ConnectAsync(ana);
        await client.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"general"},"path":"chat.onMessage"}}""");
        await client.ReceiveAsync();

        await _host.PostAsync(ana, Room.GeneralId, "message 4");

        Frame.TrackedSequence(await client.ReceiveAsync()).ShouldBe(4);
    }

    [Fact]
    public async Task OnMessage_ReplaysThenContinuesLiveWithoutGapOrDuplicate_WhenResumingDuringConcurrentPosting()
    {
        var ana = await _host.CreateUserAsync("ana");
        var bob = await _host.CreateUserAsync("bob");
        await _host.PostManyAsync(ana, Room.GeneralId, 1, 50);
        var client = await _host.ConnectAsync(bob);
        var postingStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posting = Task.Run(async () =>
        {
            for (var i = 51; i <= 250; i++)
            {
                await _host.PostAsync(ana, Room.GeneralId, $"message {i}");
                if (i == 60)
                {
                    postingStarted.SetResult();
                }
            }
        }, TestContext.Current.CancellationToken);
        await postingStarted.Task.WaitAsync(TestContext.Current.CancellationToken);

        await client.SendAsync("""{"id":13,"method":"subscription","params":{"input":{"roomId":"general"},"path":"chat.onMessage","lastEventId":"10"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":13,"result":{"type":"started"}}""");
        var frames = await client.ReceiveAsync(240);
        await posting;
        frames.Select(Frame.TrackedSequence).ShouldBe(SequenceRange.Of(11, 250));
        frames.Select(frame => Frame.TrackedData(frame)["text"]!.GetValue<string>()).ShouldBe(SequenceRange.Of(11, 250).Select(i => $"message {i}"));
        await client.ExpectNothingBeforePongAsync();
    }

    [Fact]
    public async Task OnMessage_ReplaysFromInputLastEventId_WhenResumingThroughInput()
    {
        var ana = await _host.CreateUserAsync("ana");
        await _host.PostManyAsync(ana, Room.GeneralId, 1, 3);
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"general","lastEventId":"1"},"path":"chat.onMessage"}}""");

        var frames = await client.ReceiveAsync(3);
        frames.Skip(1).Select(Frame.TrackedSequence).ShouldBe([2L, 3L]);
    }

    [Fact]
    public async Task OnMessage_IsBadRequest_WhenLastEventIdIsBeyondTheLastMessage()
    {
        var ana = await _host.CreateUserAsync("ana");
        await _host.PostManyAsync(ana, Room.GeneralId, 1, 3);
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"general"},"path":"chat.onMessage","lastEventId":"4"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"lastEventId: 4 is beyond the last message of #general (3)","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"chat.onMessage","issues":[{"path":"lastEventId","message":"4 is beyond the last message of #general (3)"}]}}}""");
        await client.ExpectNothingBeforePongAsync();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData(" 2")]
    public async Task OnMessage_IsBadRequestNamingLastEventId_WhenItIsNotANonNegativeInteger(string lastEventId)
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync($$$"""{"id":1,"method":"subscription","params":{"input":{"roomId":"general"},"path":"chat.onMessage","lastEventId":"{{{lastEventId}}}"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"lastEventId: Must be a non-negative integer (a message sequence)","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"chat.onMessage","issues":[{"path":"lastEventId","message":"Must be a non-negative integer (a message sequence)"}]}}}""");
    }

    [Fact]
    public async Task OnMessage_IsBadRequestNamingRoomId_WhenRoomIdIsMissing()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"input":{},"path":"chat.onMessage"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"roomId: Required","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"chat.onMessage","issues":[{"path":"roomId","message":"Required"}]}}}""");
    }

    [Fact]
    public async Task OnMessage_IsForbiddenWithoutStarted_WhenRoomIsPrivateAndCallerNotMember()
    {
        var admin = await _host.CreateUserAsync("root", Roles.Admin);
        var ana = await _host.CreateUserAsync("ana");
        await _host.CreateRoomAsync(admin, "secret", isPrivate: true);
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"secret"},"path":"chat.onMessage"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"#secret is private and you are not a member.","code":-32003,"data":{"code":"FORBIDDEN","httpStatus":403,"path":"chat.onMessage"}}}""");
        await client.ExpectNothingBeforePongAsync();
    }

    [Fact]
    public async Task OnMessage_IsNotFound_WhenRoomIsUnknown()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"nowhere"},"path":"chat.onMessage"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"There is no room 'nowhere'.","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":"chat.onMessage"}}}""");
    }

    [Fact]
    public async Task OnMessage_EndsWithForbiddenThenStopped_WhenSubscriberIsRemovedFromRoom()
    {
        var admin = await _host.CreateUserAsync("root", Roles.Admin);
        var ana = await _host.CreateUserAsync("ana");
        var secret = await _host.CreateRoomAsync(admin, "secret", isPrivate: true);
        (await _host.Get<RoomMembers>().AddAsync(admin.Actor, secret, ana.Email, RoomRole.Member, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();
        var client = await _host.ConnectAsync(ana);
        await client.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"secret"},"path":"chat.onMessage"}}""");
        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"started"}}""");
        await _host.PostAsync(admin, secret, "before removal");
        Frame.TrackedSequence(await client.ReceiveAsync()).ShouldBe(1);

        (await _host.Get<RoomMembers>().RemoveAsync(admin.Actor, secret, ana.Id, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();
        await _host.PostAsync(admin, secret, "after removal");

        (await client.ReceiveAsync(2)).ShouldBe(
        [
            """{"id":1,"error":{"message":"You are no longer a member of #secret.","code":-32003,"data":{"code":"FORBIDDEN","httpStatus":403,"path":"chat.onMessage"}}}""",
            """{"id":1,"result":{"type":"stopped"}}""",
        ]);
        await client.ExpectNothingBeforePongAsync();
    }

    [Fact]
    public async Task RootOnMessage_SendsSeedClientShape_TrackedBySequence()
    {
        var ana = await _host.CreateUserAsync("ana");
        await _host.PostManyAsync(ana, Room.GeneralId, 1, 2);
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":14,"method":"subscription","params":{"input":{"roomId":"general"},"path":"onMessage","lastEventId":"1"}}""");

        var frames = await client.ReceiveAsync(2);
        frames[0].ShouldBe("""{"id":14,"result":{"type":"started"}}""");
        frames[1].ShouldStartWith($$$"""{"id":14,"result":{"type":"data","data":{"id":"2","data":{"id":"2","roomId":"general","userId":"{{{ana.Id}}}","message":"message 2","timestamp":""");
        frames[1].ShouldEndWith("""}},"id":"2"}}""");
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(Frame.TrackedData(frames[1])["timestamp"]!.GetValue<long>());
        timestamp.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task OnMessage_CountsConnectionAsPresent_UntilSubscriptionStops()
    {
        var ana = await _host.CreateUserAsync("ana");
        var presence = _host.Get<PresenceTracker>();
        var client = await _host.ConnectAsync(ana);
        await client.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"general"},"path":"chat.onMessage"}}""");
        await client.ReceiveAsync();

        await Eventually.WaitUntilAsync(() => presence.Online(Room.GeneralId).Any(m => m.UserId == ana.Id), "ana is online in #general");
        await client.SendAsync("""{"id":1,"method":"subscription.stop"}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"stopped"}}""");
        presence.Online(Room.GeneralId).ShouldNotContain(m => m.UserId == ana.Id);
    }
}
