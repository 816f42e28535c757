using System.Text.Json.Nodes;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Api.Support;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Features.Chat.Api;

/// <summary><c>chat.send</c> and <c>tasks.create</c> with a <c>clientId</c>, over both transports: a retry returns the original.</summary>
public sealed class ChatSendRetryApiTests : IAsyncLifetime
{
    private const string ClientIdRule = "clientId: Must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'";

    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Send_ReturnsTheOriginalMessageOnANewConnection_WhenTheSameClientIdIsSentAgain()
    {
        var ana = await _host.CreateUserAsync("ana");
        const string send = """{"id":1,"method":"mutation","params":{"input":{"roomId":"general","text":"deploy done","clientId":"6f1c2a9e0b7d4e3f8a5b1c2d3e4f5a6b"},"path":"chat.send"}}""";
        var first = await _host.ConnectAsync(ana);
        await first.SendAsync(send);
        var original = Frame.Parse(await first.ReceiveAsync())["result"]!["data"]!;
        var second = await _host.ConnectAsync(ana);

        await second.SendAsync(send);
        var retried = Frame.Parse(await second.ReceiveAsync())["result"]!["data"]!;

        original["clientId"]!.GetValue<string>().ShouldBe("6f1c2a9e0b7d4e3f8a5b1c2d3e4f5a6b");
        retried.ToJsonString().ShouldBe(original.ToJsonString());
        (await _host.PostAsync(ana, Room.GeneralId, "next")).Sequence.ShouldBe(2);
    }

    [Fact]
    public async Task Send_ReachesALiveSubscriberWithItsClientId_SoTheSenderCanMatchItsEcho()
    {
        var ana = await _host.CreateUserAsync("ana");
        var follower = await _host.ConnectAsync(ana);
        await follower.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"general"},"path":"chat.onMessage"}}""");
        await follower.ReceiveAsync();
        var sender = await _host.ConnectAsync(ana);

        await sender.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"roomId":"general","text":"echo me","clientId":"e-1"},"path":"chat.send"}}""");
        var echo = Frame.TrackedData(await follower.ReceiveAsync());

        echo["clientId"]!.GetValue<string>().ShouldBe("e-1");
        echo["text"]!.GetValue<string>().ShouldBe("echo me");
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"has space\"")]
    [InlineData("\"a.b\"")]
    [InlineData("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")]
    public async Task Send_IsBadRequestNamingClientIdAndKeepsTheConnection_WhenTheClientIdBreaksTheRule(string clientId)
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync($$$"""{"id":1,"method":"mutation","params":{"input":{"roomId":"general","text":"hi","clientId":{{{clientId}}}},"path":"chat.send"}}""");
        var refused = await client.ReceiveAsync();
        await client.SendAsync("""{"id":2,"method":"mutation","params":{"input":{"roomId":"general","text":"hi","clientId":"ok-1"},"path":"chat.send"}}""");
        var accepted = Frame.Parse(await client.ReceiveAsync());

        refused.ShouldStartWith($$$"""{"id":1,"error":{"message":"{{{ClientIdRule}}}","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"chat.send","issues":[""");
        accepted["result"]!["data"]!["sequence"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Send_IsConflict_WhenTheClientIdWasUsedForAnotherText()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);
        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"roomId":"general","text":"first","clientId":"c-1"},"path":"chat.send"}}""");
        await client.ReceiveAsync();

        await client.SendAsync("""{"id":2,"method":"mutation","params":{"input":{"roomId":"general","text":"second","clientId":"c-1"},"path":"chat.send"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":2,"error":{"message":"clientId 'c-1' was already used for another message (#general, sequence 1); send a new message with a new clientId.","code":-32009,"data":{"code":"CONFLICT","httpStatus":409,"path":"chat.send"}}}""");
    }

    [Fact]
    public async Task SendOverHttp_ReturnsTheOriginalMessage_WhenTheSameClientIdIsPostedAgain()
    {
        var ana = await _host.CreateUserAsync("ana");
        var http = _host.CreateHttpClient();
        const string body = """{"roomId":"general","text":"over http","clientId":"h-1"}""";

        var first = await http.PostTrpcAsync(Base + "chat.send", body, bearer: ana.Token);
        var again = await http.PostTrpcAsync(Base + "chat.send", body, bearer: ana.Token);

        again.Status.ShouldBe(200);
        again.Body.ShouldBe(first.Body);
        JsonNode.Parse(again.Body)!["result"]!["data"]!["clientId"]!.GetValue<string>().ShouldBe("h-1");
        (await _host.PostAsync(ana, Room.GeneralId, "next")).Sequence.ShouldBe(2);
    }

    [Fact]
    public async Task SendOverHttp_IsBadRequestNamingClientId_WhenTheClientIdBreaksTheRule()
    {
        var ana = await _host.CreateUserAsync("ana");

        var answer = await _host.CreateHttpClient().PostTrpcAsync(Base + "chat.send", """{"roomId":"general","text":"hi","clientId":"no/slashes"}""", bearer: ana.Token);

        answer.Status.ShouldBe(400);
        JsonNode.Parse(answer.Body)!["error"]!["message"]!.GetValue<string>().ShouldBe(ClientIdRule);
    }

    [Fact]
    public async Task CreateTask_ReturnsTheOriginalTask_WhenTheSameClientIdIsSentAgain_AndConflictsForAnotherTitle()
    {
        var agent = await _host.CreateUserAsync("builder");
        var client = await _host.ConnectAsync(agent);
        const string create = """{"id":1,"method":"mutation","params":{"input":{"title":"Build","clientId":"t-1"},"path":"tasks.create"}}""";
        await client.SendAsync(create);
        var original = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;

        await client.SendAsync(create);
        var retried = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;
        await client.SendAsync("""{"id":2,"method":"mutation","params":{"input":{"title":"Deploy","clientId":"t-1"},"path":"tasks.create"}}""");
        var conflict = await client.ReceiveAsync();
        await client.SendAsync("""{"id":3,"method":"mutation","params":{"input":{"title":"Build","clientId":"t 1"},"path":"tasks.create"}}""");
        var invalid = await client.ReceiveAsync();

        retried.ToJsonString().ShouldBe(original.ToJsonString());
        original["clientId"]!.GetValue<string>().ShouldBe("t-1");
        conflict.ShouldContain("\"code\":\"CONFLICT\"");
        conflict.ShouldContain($"clientId 't-1' was already used for another task ('{original["id"]!.GetValue<string>()}')");
        invalid.ShouldStartWith($$$"""{"id":3,"error":{"message":"{{{ClientIdRule}}}","code":-32600,"data":{"code":"BAD_REQUEST""");
    }
}
