using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.ChatServiceTests;

/// <summary>A send that carries a client id is stored at most once, however often it is sent again.</summary>
public sealed class PostAsyncRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_ReturnsTheOriginalAndPublishesItOnce_WhenTheSameClientIdIsSentAgain(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        using var published = new EventRecorder<MessagePosted>(host.Get<EventHub>(), Topics.Room(Room.GeneralId), expected: 2);
        var chat = host.Get<ChatService>();
        var first = (await chat.PostAsync(ana, Room.GeneralId, "deploy done", "c-1", Ct)).Value!;

        var retry = await chat.PostAsync(ana, Room.GeneralId, "deploy done", "c-1", Ct);
        var next = await host.PostAsync(ana, Room.GeneralId, "next");
        await published.WaitAsync();

        Identity(retry.Value!).ShouldBe(Identity(first));
        first.ClientId.ShouldBe("c-1");
        next.Sequence.ShouldBe(2);
        published.Events.Select(e => (e.Sequence, e.ClientId)).ShouldBe([(1L, "c-1"), (2L, null)]);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(2);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_StoresOneMessageAndBurnsNoSequence_WhenRetriesRaceTheOriginal(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        await host.AddMemberAsync(Room.GeneralId, ana);
        var chat = host.Get<ChatService>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => chat.PostAsync(ana, Room.GeneralId, "once", "c-race", Ct))));
        var next = await host.PostAsync(ana, Room.GeneralId, "next");

        answers.Select(a => a.Value!.Id).Distinct().ShouldHaveSingleItem();
        answers[0].Value!.Sequence.ShouldBe(1);
        next.Sequence.ShouldBe(2);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(2);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_IsConflictAndStoresNothing_WhenTheClientIdWasUsedForAnotherTextOrRoom(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        var chat = host.Get<ChatService>();
        await chat.PostAsync(ana, Room.GeneralId, "first", "c-1", Ct);

        var otherText = await chat.PostAsync(ana, Room.GeneralId, "second", "c-1", Ct);
        var otherRoom = await chat.PostAsync(ana, dev, "first", "c-1", Ct);

        otherText.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Conflict);
        otherText.Failure.Message.ShouldStartWith("clientId 'c-1' was already used for another message");
        otherRoom.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Conflict);
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(1);
        (await host.CountMessagesAsync(dev)).ShouldBe(0);
    }

    [Fact]
    public async Task PostAsync_StoresBoth_WhenTwoAuthorsUseTheSameClientId()
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");
        var ben = await host.CreateUserAsync("ben");
        var chat = host.Get<ChatService>();

        var fromAna = await chat.PostAsync(ana, Room.GeneralId, "same", "shared", Ct);
        var fromBen = await chat.PostAsync(ben, Room.GeneralId, "same", "shared", Ct);

        fromAna.Value!.Sequence.ShouldBe(1);
        fromBen.Value!.Sequence.ShouldBe(2);
        fromBen.Value.AuthorId.ShouldBe(ben.UserId);
    }

    [Fact]
    public async Task PostAsync_SpendsNoMessageFromTheBudget_WhenRetrying()
    {
        await using var host = await ChatHost.StartAsync(messagesPerMinute: 1);
        var ana = await host.CreateUserAsync("ana");
        var chat = host.Get<ChatService>();
        var first = await chat.PostAsync(ana, Room.GeneralId, "the only one", "c-1", Ct);

        var retry = await chat.PostAsync(ana, Room.GeneralId, "the only one", "c-1", Ct);
        var another = await chat.PostAsync(ana, Room.GeneralId, "one too many", "c-2", Ct);

        Identity(retry.Value!).ShouldBe(Identity(first.Value!));
        another.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.RateLimited);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/es")]
    [InlineData("ünïcode")]
    public async Task PostAsync_IsInvalidNamingClientId_WhenTheClientIdBreaksTheRule(string clientId)
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");

        var sent = await host.Get<ChatService>().PostAsync(ana, Room.GeneralId, "hi", clientId, Ct);

        sent.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Invalid);
        sent.Failure.Message.ShouldBe("clientId: 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'.");
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(0);
    }

    [Fact]
    public async Task PostAsync_ReturnsTheMessageAsItIsNow_WhenRetriedAfterAnEdit()
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");
        var chat = host.Get<ChatService>();
        var first = (await chat.PostAsync(ana, Room.GeneralId, "typo", "c-1", Ct)).Value!;
        await host.Get<MessageEditing>().EditAsync(ana, Room.GeneralId, first.Sequence, "fixed", Ct);

        var retry = await chat.PostAsync(ana, Room.GeneralId, "typo", "c-1", Ct);

        retry.Value.ShouldNotBeNull().Id.ShouldBe(first.Id);
        retry.Value.Text.ShouldBe("fixed");
        (await host.CountMessagesAsync(Room.GeneralId)).ShouldBe(1);
    }

    private static (long Id, string RoomId, long Sequence, DateTimeOffset PostedAt, string Text, string? ClientId) Identity(ChatMessageView message) =>
        (message.Id, message.RoomId, message.Sequence, message.PostedAt, message.Text, message.ClientId);
}
