using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.ChatServiceTests;

public sealed class PostAsyncValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \n\t ")]
    public async Task PostAsync_RefusesAsInvalidAndStoresNothing_WhenTextIsBlank(string text)
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");

        var posted = await host.Get<ChatService>().PostAsync(ana, Room.GeneralId, text, TestContext.Current.CancellationToken);

        posted.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Invalid);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_RefusesAsInvalidAndStoresNothing_WhenTextHas4001Characters(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");

        var posted = await host.Get<ChatService>().PostAsync(ana, Room.GeneralId, new string('x', 4001), TestContext.Current.CancellationToken);

        posted.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Invalid);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_StoresMessageWithFirstSequence_WhenTextHasExactly4000Characters(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var text = new string('x', ChatRules.MaxMessageLength);

        var posted = await host.Get<ChatService>().PostAsync(ana, Room.GeneralId, text, TestContext.Current.CancellationToken);

        posted.Failure.ShouldBeNull();
        posted.Value!.Text.ShouldBe(text);
        posted.Value.Sequence.ShouldBe(1);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(1);
    }
}
