using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.ChatServiceTests;

public sealed class PostAsyncRateLimitTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_RefusesAsRateLimitedWithRetryAfter_WhenBudgetIsSpent(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 3);
        var ana = await host.CreateUserAsync("ana");
        for (var i = 1; i <= 3; i++)
        {
            await host.PostAsync(ana, Room.GeneralId, $"message {i}");
        }

        var fourth = await host.Get<ChatService>().PostAsync(ana, Room.GeneralId, "message 4", TestContext.Current.CancellationToken);

        var failure = fourth.Failure.ShouldNotBeNull();
        failure.Kind.ShouldBe(FailureKind.RateLimited);
        failure.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        failure.Message.ShouldMatch(@"Try again in \d+ s\.");
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(3);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_StoresMessage_WhenAnotherUserSpentTheirBudget(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 3);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        for (var i = 1; i <= 3; i++)
        {
            await host.PostAsync(ana, Room.GeneralId, $"message {i}");
        }

        var posted = await host.Get<ChatService>().PostAsync(bob, Room.GeneralId, "my turn", TestContext.Current.CancellationToken);

        posted.Failure.ShouldBeNull();
    }
}
