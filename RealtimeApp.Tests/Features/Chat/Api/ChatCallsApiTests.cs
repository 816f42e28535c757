using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Chat.Api;

public sealed class ChatCallsApiTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Send_ReturnsStoredMessage_WhenRoomIsWritable()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"roomId":"general","text":"hello from a script"},"path":"chat.send"}}""");

        var frame = await client.ReceiveAsync();
        frame.ShouldStartWith("""{"id":1,"result":{"type":"data","data":{"id":""");
        var message = Frame.Parse(frame)["result"]!["data"]!;
        message.AsObject().Select(p => p.Key).ShouldBe(["id", "roomId", "sequence", "authorId", "authorName", "text", "postedAt", "editedAt", "isDeleted", "mentions", "clientId"]);
        message["roomId"]!.GetValue<string>().ShouldBe(Room.GeneralId);
        message["sequence"]!.GetValue<long>().ShouldBe(1);
        message["authorId"]!.GetValue<string>().ShouldBe(ana.Id);
        message["authorName"]!.GetValue<string>().ShouldBe(ana.Email);
        message["text"]!.GetValue<string>().ShouldBe("hello from a script");
        DateTimeOffset.Parse(message["postedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UnixEpoch);
        message["isDeleted"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"roomId":"general","text":""}""", "text: Required")]
    [InlineData("""{"roomId":"general","text":"   "}""", "text: Required")]
    [InlineData("""{"roomId":"general"}""", "text: Required")]
    [InlineData("""{"text":"hi"}""", "roomId: Required")]
    public async Task Send_IsBadRequestNamingTheField_WhenInputIsIncomplete(string input, string message)
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync($$$"""{"id":1,"method":"mutation","params":{"input":{{{input}}},"path":"chat.send"}}""");

        (await client.ReceiveAsync()).ShouldStartWith($$$"""{"id":1,"error":{"message":"{{{message}}}","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"chat.send","issues":[""");
    }

    [Fact]
    public async Task Send_IsBadRequest_WhenTextIsTooLong()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);
        var text = new string('x', ChatRules.MaxMessageLength + 1);

        await client.SendAsync($$$"""{"id":1,"method":"mutation","params":{"input":{"roomId":"general","text":"{{{text}}}"},"path":"chat.send"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"A message can be at most 4,000 characters (this one has 4,001).","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"chat.send"}}}""");
    }

    [Fact]
    public async Task Send_IsNotFound_WhenRoomIsUnknown()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"roomId":"nowhere","text":"hi"},"path":"chat.send"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"There is no room 'nowhere'.","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":"chat.send"}}}""");
    }

    [Fact]
    public async Task Send_IsForbidden_WhenRoomIsArchived()
    {
        var admin = await _host.CreateUserAsync("root", Roles.Admin);
        var ana = await _host.CreateUserAsync("ana");
        var old = await _host.CreateRoomAsync(admin, "old");
        (await _host.Get<RoomAdministration>().ArchiveAsync(admin.Actor, old, TestContext.Current.CancellationToken)).Failure.ShouldBeNull();
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"roomId":"old","text":"hi"},"path":"chat.send"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"#old is archived: it is read-only.","code":-32003,"data":{"code":"FORBIDDEN","httpStatus":403,"path":"chat.send"}}}""");
    }

    [Fact]
    public async Task History_ReturnsPagesOldestFirst_WhenPagingBackwards()
    {
        var ana = await _host.CreateUserAsync("ana");
        await _host.PostManyAsync(ana, Room.GeneralId, 1, 5);
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"query","params":{"input":{"roomId":"general","limit":2},"path":"chat.history"}}""");
        var newest = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!.AsArray();
        await client.SendAsync("""{"id":2,"method":"query","params":{"input":{"roomId":"general","beforeSequence":4,"limit":2},"path":"chat.history"}}""");
        var older = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!.AsArray();
        await client.SendAsync("""{"id":3,"method":"query","params":{"input":{"roomId":"general"},"path":"chat.history"}}""");
        var all = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!.AsArray();

        newest.Select(m => m!["sequence"]!.GetValue<long>()).ShouldBe([4, 5]);
        older.Select(m => m!["text"]!.GetValue<string>()).ShouldBe(["message 2", "message 3"]);
        all.Count.ShouldBe(5);
    }

    [Fact]
    public async Task History_IsBadRequest_WhenLimitIsOutOfRange()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"query","params":{"input":{"roomId":"general","limit":0},"path":"chat.history"}}""");

        (await client.ReceiveAsync()).ShouldStartWith("""{"id":1,"error":{"message":"limit: Must be 1 to 200","code":-32600,""");
    }

    [Fact]
    public async Task EditDeleteAndSearch_WorkOnOwnMessages()
    {
        var ana = await _host.CreateUserAsync("ana");
        await _host.PostAsync(ana, Room.GeneralId, "first draft");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"roomId":"general","sequence":1,"text":"final words"},"path":"chat.edit"}}""");
        var edited = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;
        await client.SendAsync("""{"id":2,"method":"query","params":{"input":{"roomId":"general","query":"final"},"path":"chat.search"}}""");
        var found = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!.AsArray();
        await client.SendAsync("""{"id":3,"method":"mutation","params":{"input":{"roomId":"general","sequence":1},"path":"chat.delete"}}""");
        var deleted = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;
        await client.SendAsync("""{"id":4,"method":"mutation","params":{"input":{"roomId":"general","sequence":1},"path":"chat.delete"}}""");
        var deletedAgain = await client.ReceiveAsync();

        edited["text"]!.GetValue<string>().ShouldBe("final words");
        edited["editedAt"].ShouldNotBeNull();
        found.Single()!["sequence"]!.GetValue<long>().ShouldBe(1);
        deleted["isDeleted"]!.GetValue<bool>().ShouldBeTrue();
        deletedAgain.ShouldBe("""{"id":4,"error":{"message":"There is no message 1 in #general.","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":"chat.delete"}}}""");
    }
}
