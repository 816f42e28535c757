using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.Api;

public sealed class RoomsApiTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task List_ReturnsPublicRoomsAndOwnPrivateRooms_WithMembershipAndUnread()
    {
        var admin = await _host.CreateUserAsync("root", Roles.Admin);
        var ana = await _host.CreateUserAsync("ana");
        var dev = await _host.CreateRoomAsync(admin, "dev");
        await _host.CreateRoomAsync(admin, "secret", isPrivate: true);
        await _host.PostAsync(admin, Room.GeneralId, "hello @ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"rooms.list"}}""");

        var rooms = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!.AsArray();
        rooms.Select(room => room!["id"]!.GetValue<string>()).Order().ShouldBe([dev, Room.GeneralId]);
        var general = rooms.Single(room => room!["id"]!.GetValue<string>() == Room.GeneralId)!;
        general["isMember"]!.GetValue<bool>().ShouldBeTrue();
        general["isPrivate"]!.GetValue<bool>().ShouldBeFalse();
        general["lastSequence"]!.GetValue<long>().ShouldBe(1);
        general["unread"]!.GetValue<int>().ShouldBe(1);
        general.AsObject().Select(p => p.Key).ShouldBe(["id", "name", "topic", "isPrivate", "isMember", "lastSequence", "lastActivityAt", "unread", "unreadMentions"]);
        rooms.Single(room => room!["id"]!.GetValue<string>() == dev)!["isMember"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task JoinAndLeave_ChangeMembership_WhenRoomIsPublic()
    {
        var admin = await _host.CreateUserAsync("root", Roles.Admin);
        var ana = await _host.CreateUserAsync("ana");
        var dev = await _host.CreateRoomAsync(admin, "dev");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync($$$"""{"id":1,"method":"mutation","params":{"input":{"roomId":"{{{dev}}}"},"path":"rooms.join"}}""");
        var joined = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;
        await client.SendAsync($$$"""{"id":2,"method":"mutation","params":{"input":{"roomId":"{{{dev}}}"},"path":"rooms.leave"}}""");
        var left = await client.ReceiveAsync();
        await client.SendAsync($$$"""{"id":3,"method":"mutation","params":{"input":{"roomId":"{{{dev}}}"},"path":"rooms.leave"}}""");
        var leftAgain = await client.ReceiveAsync();

        joined["id"]!.GetValue<string>().ShouldBe(dev);
        joined["isMember"]!.GetValue<bool>().ShouldBeTrue();
        left.ShouldBe("""{"id":2,"result":{"type":"data"}}""");
        leftAgain.ShouldBe($$$$"""{"id":3,"error":{"message":"You are not a member of '{{{{dev}}}}'.","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":"rooms.leave"}}}""");
    }

    [Fact]
    public async Task Join_IsForbidden_WhenRoomIsPrivateAndCallerNotMember()
    {
        var admin = await _host.CreateUserAsync("root", Roles.Admin);
        var ana = await _host.CreateUserAsync("ana");
        var secret = await _host.CreateRoomAsync(admin, "secret", isPrivate: true);
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync($$$"""{"id":1,"method":"mutation","params":{"input":{"roomId":"{{{secret}}}"},"path":"rooms.join"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"#secret is private and you are not a member.","code":-32003,"data":{"code":"FORBIDDEN","httpStatus":403,"path":"rooms.join"}}}""");
    }

    [Theory]
    [InlineData("""{"path":"rooms.join","input":{}}""", "roomId: Required")]
    [InlineData("""{"path":"rooms.join","input":{"roomId":""}}""", "roomId: Required")]
    [InlineData("""{"path":"rooms.join"}""", "input: Required")]
    public async Task Join_IsBadRequestNamingTheField_WhenRoomIdIsMissing(string parameters, string message)
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync($$$"""{"id":1,"method":"mutation","params":{{{parameters}}}}""");

        (await client.ReceiveAsync()).ShouldStartWith($$$"""{"id":1,"error":{"message":"{{{message}}}","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"rooms.join","issues":[""");
    }

    [Fact]
    public async Task Create_CreatesRoomWithCallerAsMember_WhenCallerIsAdmin()
    {
        var admin = await _host.CreateUserAsync("root", Roles.Admin);
        var client = await _host.ConnectAsync(admin);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"name":"Release train","topic":"Fridays","isPrivate":true},"path":"rooms.create"}}""");

        var room = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;
        room["name"]!.GetValue<string>().ShouldBe("Release train");
        room["topic"]!.GetValue<string>().ShouldBe("Fridays");
        room["isPrivate"]!.GetValue<bool>().ShouldBeTrue();
        room["isMember"]!.GetValue<bool>().ShouldBeTrue();
        var stored = await _host.Get<RoomService>().DescribeAsync(admin.Actor, room["id"]!.GetValue<string>(), TestContext.Current.CancellationToken);
        stored.Value.ShouldNotBeNull().Name.ShouldBe("Release train");
    }

    [Fact]
    public async Task Create_IsForbidden_WhenCallerIsStaff()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"name":"mine"},"path":"rooms.create"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"Only administrators can manage rooms.","code":-32003,"data":{"code":"FORBIDDEN","httpStatus":403,"path":"rooms.create"}}}""");
    }

    [Fact]
    public async Task Create_IsConflict_WhenNameIsTaken()
    {
        var admin = await _host.CreateUserAsync("root", Roles.Admin);
        await _host.CreateRoomAsync(admin, "dev");
        var client = await _host.ConnectAsync(admin);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"name":"dev"},"path":"rooms.create"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"A room named 'dev' already exists.","code":-32009,"data":{"code":"CONFLICT","httpStatus":409,"path":"rooms.create"}}}""");
    }
}
