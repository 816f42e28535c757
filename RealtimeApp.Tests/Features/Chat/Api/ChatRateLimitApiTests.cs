using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Api.Support;

namespace RealtimeApp.Tests.Features.Chat.Api;

public sealed class ChatRateLimitApiTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync(messagesPerMinute: 2);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Send_IsTooManyRequestsWithRetryAfterMs_WhenBudgetIsSpent()
    {
        var ana = await _host.CreateUserAsync("ana");
        await _host.PostManyAsync(ana, Room.GeneralId, 1, 2);
        var client = await _host.ConnectAsync(ana);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"roomId":"general","text":"one too many"},"path":"chat.send"}}""");

        var frame = await client.ReceiveAsync();
        frame.ShouldStartWith("""{"id":1,"error":{"message":"You are sending messages too quickly (2 per minute). Try again in """);
        var data = Frame.Parse(frame)["error"]!["data"]!;
        Frame.Parse(frame)["error"]!["code"]!.GetValue<int>().ShouldBe(-32029);
        data["code"]!.GetValue<string>().ShouldBe("TOO_MANY_REQUESTS");
        data["httpStatus"]!.GetValue<int>().ShouldBe(429);
        data["path"]!.GetValue<string>().ShouldBe("chat.send");
        data["retryAfterMs"]!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.Number);
        data["retryAfterMs"]!.GetValue<long>().ShouldBeInRange(1, 30_000);
    }
}
