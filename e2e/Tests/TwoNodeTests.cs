using System.Text.RegularExpressions;
using RealtimeApp.Client;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using RealtimeApp.Web.Realtime;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// Two node processes on one PostgreSQL and one Redis (<see cref="SharedTwoNodes"/>): what happens on node A reaches
/// browsers and API clients on node B, security changes take effect on both, and a user has one rate-limit budget.
/// </summary>
[Collection(SharedTwoNodes.Collection)]
public sealed partial class TwoNodeTests(BrowserHost host, SharedTwoNodes shared)
{
    private TwoNodes Nodes => shared.Nodes;

    [Fact]
    public async Task MessageSentThroughNodeAsApi_AppearsOnNodeBsPageAndSubscription_AndPresenceListsUsersOfBothNodes()
    {
        var ct = TestContext.Current.CancellationToken;
        var (ana, ben, botToken) = (shared.Ana, shared.Ben, shared.BotToken);
        var chatOnA = new ChatPage(await host.SignInAsync(Nodes.A.BaseAddress, ana, TwoNodes.Password));
        var chatOnB = new ChatPage(await host.SignInAsync(Nodes.B.BaseAddress, ben, TwoNodes.Password));
        await chatOnA.OpenAsync();
        await chatOnB.OpenAsync();
        await using var listenerOnB = ApiClients.Connect(Nodes.B.BaseAddress, botToken);
        await using var messagesOnB = await listenerOnB.Chat.FollowAsync("general", ct);
        await using var senderOnA = ApiClients.Connect(Nodes.A.BaseAddress, botToken);
        var first = $"through node A {Guid.NewGuid():N}";
        var second = $"and another {Guid.NewGuid():N}";

        await senderOnA.Chat.SendAsync("general", first, cancellationToken: ct);
        await senderOnA.Chat.SendAsync("general", second, cancellationToken: ct);

        await Expect(chatOnB.Message(first)).ToBeVisibleAsync();
        await Expect(chatOnB.Message(second)).ToBeVisibleAsync();
        await Expect(chatOnB.Message(first)).ToHaveCountAsync(1);
        // In order and once: the message after the first is the second, not the first again.
        (await messagesOnB.NextAsync()).Text.ShouldBe(first);
        (await messagesOnB.NextAsync()).Text.ShouldBe(second);
        await Expect(chatOnB.OnlineMember(ana)).ToBeVisibleAsync();
        await Expect(chatOnB.OnlineMember(ben)).ToBeVisibleAsync();
        await Expect(chatOnA.OnlineMember(ben)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LockOnNodeA_SendsTheUsersTabOnNodeBToSignIn_AndClosesTheirApiConnectionOnNodeB()
    {
        var ct = TestContext.Current.CancellationToken;
        var (carl, carlsToken) = (shared.Carl, shared.CarlsToken);
        var users = new AdminUsersPage(await host.SignInAsync(Nodes.A.BaseAddress, TwoNodes.AdminEmail, TwoNodes.Password));
        await users.OpenFromNavigationAsync();
        var carlsTab = await host.SignInAsync(Nodes.B.BaseAddress, carl, TwoNodes.Password);
        await new ChatPage(carlsTab).OpenAsync();
        await using var carlsScript = ApiClients.Connect(Nodes.B.BaseAddress, carlsToken);
        await carlsScript.Rooms.ListAsync(ct);

        await users.LockAsync(carl);

        await Expect(users.Row(carl)).ToContainTextAsync("Locked");
        await Expect(carlsTab).ToHaveURLAsync(LoginUrl());
        var closed = await carlsScript.WaitUntilClosedAsync(ct);
        closed.CloseCode.ShouldBe((int)ApiCloseCodes.ClosedByServer);
        closed.Reason.ShouldBe("account locked");
    }

    [Fact]
    public async Task MessageBudget_IsOnePerUserAcrossBothNodes()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = shared.ThreePerMinuteToken;
        await using var onA = ApiClients.Connect(Nodes.A.BaseAddress, token);
        await using var onB = ApiClients.Connect(Nodes.B.BaseAddress, token);

        await onA.Chat.SendAsync("general", "1 of 3, on A", cancellationToken: ct);
        await onB.Chat.SendAsync("general", "2 of 3, on B", cancellationToken: ct);
        await onA.Chat.SendAsync("general", "3 of 3, on A", cancellationToken: ct);
        var refusedOnB = await Should.ThrowAsync<RealtimeApiException>(() => onB.Chat.SendAsync("general", "one too many, on B", cancellationToken: ct));
        var refusedOnA = await Should.ThrowAsync<RealtimeApiException>(() => onA.Chat.SendAsync("general", "one too many, on A", cancellationToken: ct));

        refusedOnB.Code.ShouldBe("TOO_MANY_REQUESTS");
        refusedOnA.Code.ShouldBe("TOO_MANY_REQUESTS");
        refusedOnB.Message.ShouldStartWith("You are sending messages too quickly (3 per minute).");
        refusedOnB.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginUrl();
}
