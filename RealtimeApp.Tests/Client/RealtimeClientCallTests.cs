using RealtimeApp.Client;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Client;

/// <summary>Every typed procedure of <see cref="RealtimeClient"/> against the real app, and its errors.</summary>
public sealed class RealtimeClientCallTests : IAsyncLifetime
{
    private ClientAppHost _host = null!;
    private RealtimeClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ClientAppHost.StartAsync();
        var ana = await _host.CreateStaffAsync("ana@example.com");
        _client = _host.Connect((await _host.CreateTokenAsync(ana)).Secret);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task WaitUntilOpen_ReturnsOnceConnected_AndFailsForGood_OnceTheTokenIsRefused()
    {
        await using var refused = _host.Connect("rtapp_not-a-token");

        await _client.WaitUntilOpenAsync(Ct);
        await Eventually.WaitUntilAsync(() => refused.State.Phase == ConnectionPhase.Closed, "the server has refused the token");
        var failure = await Should.ThrowAsync<RealtimeConnectionException>(() => refused.WaitUntilOpenAsync(Ct));

        _client.State.Phase.ShouldBe(ConnectionPhase.Open);
        failure.IsFinal.ShouldBeTrue();
        failure.Message.ShouldContain("refused the token");
    }

    [Fact]
    public async Task Rooms_CreateListJoinAndLeave()
    {
        await using var admin = _host.Connect((await _host.CreateTokenAsync(await _host.AdminAsync(), ApiScopes.RoomsWrite)).Secret);

        var created = await admin.Rooms.CreateAsync("ops", "on call", cancellationToken: Ct);
        var listed = await _client.Rooms.ListAsync(Ct);
        var joined = await _client.Rooms.JoinAsync(created.Id, Ct);
        await _client.Rooms.LeaveAsync(created.Id, Ct);
        var afterLeaving = (await _client.Rooms.ListAsync(Ct)).Single(room => room.Id == created.Id);

        created.Name.ShouldBe("ops");
        created.Topic.ShouldBe("on call");
        listed.Select(room => room.Id).ShouldContain(Room.GeneralId);
        listed.Single(room => room.Id == created.Id).IsMember.ShouldBeFalse();
        joined.IsMember.ShouldBeTrue();
        afterLeaving.IsMember.ShouldBeFalse();
    }

    [Fact]
    public async Task Chat_SendHistoryEditSearchAndDelete()
    {
        var sent = await _client.Chat.SendAsync(Room.GeneralId, "deploy started", "deploy-1", Ct);
        var again = await _client.Chat.SendAsync(Room.GeneralId, "deploy started", "deploy-1", Ct);
        var edited = await _client.Chat.EditAsync(Room.GeneralId, sent.Sequence, "deploy finished", Ct);
        var found = await _client.Chat.SearchAsync(Room.GeneralId, "finished", Ct);
        var deleted = await _client.Chat.DeleteAsync(Room.GeneralId, sent.Sequence, Ct);
        var history = await _client.Chat.HistoryAsync(Room.GeneralId, limit: 10, cancellationToken: Ct);

        sent.AuthorName.ShouldNotBeNullOrEmpty();
        sent.ClientId.ShouldBe("deploy-1");
        again.ShouldBe(sent with { Mentions = again.Mentions }, "a retry with the same clientId returns the stored message");
        edited.Text.ShouldBe("deploy finished");
        found.Select(message => message.Sequence).ShouldBe([sent.Sequence]);
        deleted.IsDeleted.ShouldBeTrue();
        history.Single(message => message.Sequence == sent.Sequence).IsDeleted.ShouldBeTrue();
    }

    [Fact]
    public async Task Errors_CarryTheTrpcCodeAndTheServersMessage()
    {
        var missing = await Should.ThrowAsync<RealtimeApiException>(() => _client.Chat.SendAsync("nowhere", "hi", cancellationToken: Ct));
        var invalid = await Should.ThrowAsync<RealtimeApiException>(() => _client.Chat.SendAsync(Room.GeneralId, new string('x', 4001), cancellationToken: Ct));

        missing.Code.ShouldBe("NOT_FOUND");
        missing.Message.ShouldBe("There is no room 'nowhere'.");
        missing.Path.ShouldBe("chat.send");
        invalid.Code.ShouldBe("BAD_REQUEST");
        (await _client.Rooms.ListAsync(Ct)).ShouldNotBeEmpty("the connection goes on after an error");
    }

    [Fact]
    public async Task Errors_NameTheMissingScope_ForAScopedToken()
    {
        var bob = await _host.CreateStaffAsync("bob@example.com");
        await using var reader = _host.Connect((await _host.CreateTokenAsync(bob, ApiScopes.ChatRead)).Secret);

        var refused = await Should.ThrowAsync<RealtimeApiException>(() => reader.Chat.SendAsync(Room.GeneralId, "hi", cancellationToken: Ct));

        refused.Code.ShouldBe("FORBIDDEN");
        refused.Message.ShouldBe("This API token lacks the scope 'chat:write' that chat.send needs.");
    }

    [Fact]
    public async Task Untyped_QueryAndMutate_ReachProceduresTheTypedApiDoesNotCover()
    {
        var page = await _client.QueryAsync<System.Text.Json.JsonElement>("tasks.list", new { }, Ct);
        var created = await _client.MutateAsync<System.Text.Json.JsonElement>("tasks.create", new { title = "build" }, Ct);

        page.GetProperty("items").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Array);
        created.GetProperty("title").GetString().ShouldBe("build");
    }
}
