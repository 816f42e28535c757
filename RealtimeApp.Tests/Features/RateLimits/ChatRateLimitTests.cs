using System.Diagnostics.Metrics;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Features.RateLimits.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.RateLimits;

/// <summary>The chat service's message budget follows the stored policies live.</summary>
public sealed class ChatRateLimitTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_RefusesThirdMessage_WhenAdminLoweredTheUsersLimitToTwo(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 30);
        var ana = await host.CreateUserAsync("ana");

        await RateLimitSettings.SetOverrideAsync(host.Get<IServiceProvider>(), ana.UserId, new RateLimitValues(MessagesPerMinute: 2));
        await host.PostManyAsync(ana, Room.GeneralId, 2);
        var third = await host.Get<ChatService>().PostAsync(ana, Room.GeneralId, "third", TestContext.Current.CancellationToken);

        var failure = third.Failure.ShouldNotBeNull();
        failure.Kind.ShouldBe(FailureKind.RateLimited);
        failure.Message.ShouldMatch(@"^You are sending messages too quickly \(2 per minute\)\. Try again in \d+ s\.$");
        failure.RetryAfter.ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30));
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_CountsMessagesAlreadySent_WhenLimitIsLoweredToThem(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 3);
        var ana = await host.CreateUserAsync("ana");
        await host.PostManyAsync(ana, Room.GeneralId, 2);

        await RateLimitSettings.SetMessageBudgetAsync(host.Get<IServiceProvider>(), 2);
        var third = await host.Get<ChatService>().PostAsync(ana, Room.GeneralId, "third", TestContext.Current.CancellationToken);

        third.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.RateLimited);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(2);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_AcceptsMoreMessages_WhenAdminRaisedTheRoleDefault(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine, messagesPerMinute: 1);
        var ana = await host.CreateUserAsync("ana");
        await host.PostAsync(ana, Room.GeneralId, "first");
        (await host.Get<ChatService>().PostAsync(ana, Room.GeneralId, "refused", TestContext.Current.CancellationToken)).Failure.ShouldNotBeNull();

        await RateLimitSettings.SetMessageBudgetAsync(host.Get<IServiceProvider>(), 100);
        await host.PostManyAsync(ana, Room.GeneralId, 1);

        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(2);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_CountsRefusalWithLimitAndPolicyTags_WhenOverrideRefuses(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        await RateLimitSettings.SetOverrideAsync(host.Get<IServiceProvider>(), ana.UserId, new RateLimitValues(MessagesPerMinute: 1));
        var meter = host.Get<IMeterFactory>().Create(RealtimeMetrics.MeterName);
        var recorded = new List<(long Value, string? Limit, string? Policy)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter && instrument.Name == "realtimeapp.ratelimit.refused")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var all = tags.ToArray();
            recorded.Add((value, all.Single(t => t.Key == "limit").Value as string, all.Single(t => t.Key == "policy").Value as string));
        });
        listener.Start();

        await host.PostAsync(ana, Room.GeneralId, "first");
        await host.Get<ChatService>().PostAsync(ana, Room.GeneralId, "second", TestContext.Current.CancellationToken);

        recorded.ShouldBe([(1L, "messages", "Override")]);
    }
}
