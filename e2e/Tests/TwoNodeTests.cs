using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
        await using var listenerOnB = await ApiAgent.ConnectAsync(Nodes.B.BaseAddress, botToken, ct);
        var subscription = await listenerOnB.SubscribeAsync("chat.onMessage", new { roomId = "general" }, ct);
        await using var senderOnA = await ApiAgent.ConnectAsync(Nodes.A.BaseAddress, botToken, ct);
        var first = $"through node A {Guid.NewGuid():N}";
        var second = $"and another {Guid.NewGuid():N}";

        await senderOnA.CallAsync("mutation", "chat.send", new { roomId = "general", text = first }, ct);
        await senderOnA.CallAsync("mutation", "chat.send", new { roomId = "general", text = second }, ct);

        await Expect(chatOnB.Message(first)).ToBeVisibleAsync();
        await Expect(chatOnB.Message(second)).ToBeVisibleAsync();
        await Expect(chatOnB.Message(first)).ToHaveCountAsync(1);
        // In order and once: the item after the first message is the second, not the first again.
        Text(await listenerOnB.NextItemAsync(subscription, _ => true, ct)).ShouldBe(first);
        Text(await listenerOnB.NextItemAsync(subscription, _ => true, ct)).ShouldBe(second);
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
        await using var carlsScript = await ApiAgent.ConnectAsync(Nodes.B.BaseAddress, carlsToken, ct);
        await carlsScript.SubscribeAsync("chat.onMessage", new { roomId = "general" }, ct);

        await users.LockAsync(carl);

        await Expect(users.Row(carl)).ToContainTextAsync("Locked");
        await Expect(carlsTab).ToHaveURLAsync(LoginUrl());
        (await carlsScript.WaitUntilClosedAsync(ct)).ShouldBe(ApiCloseCodes.ClosedByServer);
    }

    [Fact]
    public async Task MessageBudget_IsOnePerUserAcrossBothNodes()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = shared.ThreePerMinuteToken;
        await using var onA = await ApiAgent.ConnectAsync(Nodes.A.BaseAddress, token, ct);
        await using var onB = await ApiAgent.ConnectAsync(Nodes.B.BaseAddress, token, ct);

        await onA.CallAsync("mutation", "chat.send", new { roomId = "general", text = "1 of 3, on A" }, ct);
        await onB.CallAsync("mutation", "chat.send", new { roomId = "general", text = "2 of 3, on B" }, ct);
        await onA.CallAsync("mutation", "chat.send", new { roomId = "general", text = "3 of 3, on A" }, ct);
        var refusedOnB = await onB.CallForErrorAsync("mutation", "chat.send", new { roomId = "general", text = "one too many, on B" }, ct);
        var refusedOnA = await onA.CallForErrorAsync("mutation", "chat.send", new { roomId = "general", text = "one too many, on A" }, ct);

        refusedOnB["data"]!["code"]!.GetValue<string>().ShouldBe("TOO_MANY_REQUESTS");
        refusedOnA["data"]!["code"]!.GetValue<string>().ShouldBe("TOO_MANY_REQUESTS");
        refusedOnB["message"]!.GetValue<string>().ShouldStartWith("You are sending messages too quickly (3 per minute).");
    }

    /// <summary>The text of a tracked <c>chat.onMessage</c> item (<c>{"id":"7","data":{message}}</c>).</summary>
    private static string Text(JsonNode item) => item["data"]!["text"]!.GetValue<string>();

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginUrl();
}
