using System.Text.Json.Nodes;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Web.Features.Chat;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Features.Chat.Api;

/// <summary>The chat procedures over <c>/api/trpc</c>: the same messages, order and resume as over the WebSocket.</summary>
public sealed class ChatHttpApiTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SendOverHttp_ReachesAWebSocketSubscriber_AsTheDesignsSplitLinkClientUsesThem()
    {
        var ana = await _host.CreateUserAsync("ana");
        var socket = await _host.ConnectAsync(ana);
        await socket.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"roomId":"general"},"path":"chat.onMessage"}}""");
        await socket.ReceiveAsync();

        var answer = await _host.CreateHttpClient().PostTrpcAsync(Base + "chat.send?batch=1", """{"0":{"roomId":"general","text":"over http"}}""", bearer: ana.Token);

        answer.Status.ShouldBe(200);
        JsonNode.Parse(answer.Body)![0]!["result"]!["data"]!["sequence"]!.GetValue<long>().ShouldBe(1);
        Frame.TrackedData(await socket.ReceiveAsync())["text"]!.GetValue<string>().ShouldBe("over http");
    }

    [Fact]
    public async Task HistoryOverHttp_ReadsWhatWasPosted()
    {
        var ana = await _host.CreateUserAsync("ana");
        await _host.PostManyAsync(ana, Room.GeneralId, 1, 3);

        var answer = await _host.CreateHttpClient().GetTrpcAsync(Base + "rooms.list,chat.history?batch=1&input=" + Input("""{"1":{"roomId":"general","limit":2}}"""), bearer: ana.Token);

        answer.Status.ShouldBe(200);
        var history = JsonNode.Parse(answer.Body)![1]!["result"]!["data"]!.AsArray();
        history.Select(m => m!["text"]!.GetValue<string>()).ShouldBe(["message 2", "message 3"]);
    }

    [Fact]
    public async Task OnMessageOverSse_ReplaysAfterTheLastEventIdThenGoesLive_WithoutGapOrDuplicate()
    {
        var ana = await _host.CreateUserAsync("ana");
        await _host.PostManyAsync(ana, Room.GeneralId, 1, 3);
        await using var stream = await SseStream.OpenAsync(
            _host.CreateHttpClient(), Base + "chat.onMessage?input=" + Input("""{"roomId":"general"}"""), ana.Token, request => request.Headers.Add("Last-Event-ID", "1"));
        await stream.NextAsync();

        var replayed = new[] { await stream.NextNotPingAsync(), await stream.NextNotPingAsync() };
        await _host.PostAsync(ana, Room.GeneralId, "message 4");
        var live = await stream.NextNotPingAsync();

        replayed.Select(IdOf).ShouldBe(["2", "3"]);
        IdOf(live).ShouldBe("4");
        TextOf(live).ShouldBe("message 4");
    }

    [Fact]
    public async Task OnMessageOverSse_DeliversAMessagePostedRightAfterConnected()
    {
        var ana = await _host.CreateUserAsync("ana");
        await using var stream = await SseStream.OpenAsync(_host.CreateHttpClient(), Base + "chat.onMessage?input=" + Input("""{"roomId":"general"}"""), ana.Token);
        (await stream.NextAsync()).ShouldBe(SseEvents.Connected);

        await _host.PostAsync(ana, Room.GeneralId, "right after connected");
        var first = await stream.NextNotPingAsync();

        TextOf(first).ShouldBe("right after connected");
    }

    [Theory]
    [InlineData("seven", "lastEventId: ")]
    [InlineData("99", "lastEventId: 99 is beyond the last message of #general (0)")]
    public async Task OnMessageOverSse_IsRefused_WhenTheLastEventIdIsNotAMessageOfTheRoom(string lastEventId, string message)
    {
        var ana = await _host.CreateUserAsync("ana");
        await using var stream = await SseStream.OpenAsync(
            _host.CreateHttpClient(), Base + "chat.onMessage?input=" + Input("""{"roomId":"general"}"""), ana.Token, request => request.Headers.Add("Last-Event-ID", lastEventId));
        await stream.NextAsync();

        var refusal = await stream.NextNotPingAsync();

        refusal.ShouldStartWith("event: serialized-error\ndata: {\"message\":\"" + message);
        refusal.ShouldContain("\"code\":\"BAD_REQUEST\"");
        (await stream.NextAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task SendOverHttp_WritesNothing_WhenTheCallIsRefused()
    {
        var ana = await _host.CreateUserAsync("ana");

        var answer = await _host.CreateHttpClient().PostTrpcAsync(Base + "chat.send", """{"roomId":"general","text":"   "}""", bearer: ana.Token);

        answer.Status.ShouldBe(400);
        var history = await _host.Get<ChatHistory>().PageAsync(ana.Actor, Room.GeneralId, null, cancellationToken: TestContext.Current.CancellationToken);
        history.Value!.ShouldBeEmpty();
    }

    private static string IdOf(string? sseEvent) => sseEvent!.Split('\n').Single(line => line.StartsWith("id: ", StringComparison.Ordinal))[4..];

    private static string TextOf(string? sseEvent) =>
        JsonNode.Parse(sseEvent!.Split('\n').Single(line => line.StartsWith("data: ", StringComparison.Ordinal))[6..])!["text"]!.GetValue<string>();
}
