using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.Tests.Features.Agents.Api;

public sealed class AgentStreamsApiTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OnStatus_StreamsEveryAgentsReports()
    {
        var owner = await _host.CreateUserAsync("runner");
        var watcher = await _host.ConnectAsync(await _host.CreateUserAsync("watcher"));
        var agent = await _host.ConnectAsync(owner);
        await watcher.SendAsync("""{"id":7,"method":"subscription","params":{"path":"onAgentStatus"}}""");
        (await watcher.ReceiveAsync()).ShouldBe("""{"id":7,"result":{"type":"started"}}""");

        await agent.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"agentId":"runner-1","status":"active","currentTask":"b-1","progress":40},"path":"agents.report"}}""");

        var item = Frame.Parse(await watcher.ReceiveAsync())["result"]!["data"]!;
        (item["agentId"]!.GetValue<string>(), item["status"]!.GetValue<string>(), item["currentTask"]!.GetValue<string>(), item["progress"]!.GetValue<int>())
            .ShouldBe(("runner-1", "active", "b-1", 40));
    }

    [Fact]
    public async Task OnCommand_DeliversPendingThenLiveCommands_OnlyToTheOwner()
    {
        var owner = await _host.CreateUserAsync("runner");
        var other = await _host.CreateUserAsync("intruder");
        var agent = await _host.ConnectAsync(owner);
        await agent.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"agentId":"runner-1","status":"active"},"path":"agents.report"}}""");
        await agent.ReceiveAsync();
        var tasks = _host.Get<TaskService>();
        await tasks.CreateAsync(owner.Actor, "One", agentId: "runner-1", id: "t-1", cancellationToken: TestContext.Current.CancellationToken);
        await tasks.CreateAsync(owner.Actor, "Two", agentId: "runner-1", id: "t-2", cancellationToken: TestContext.Current.CancellationToken);
        await _host.Get<TaskControl>().CancelAsync(owner.Actor, "t-1", TestContext.Current.CancellationToken);

        await agent.SendAsync("""{"id":2,"method":"subscription","params":{"input":{"agentId":"runner-1"},"path":"agents.onCommand"}}""");
        (await agent.ReceiveAsync()).ShouldBe("""{"id":2,"result":{"type":"started"}}""");
        var pending = Frame.Parse(await agent.ReceiveAsync())["result"]!["data"]!;
        await _host.Get<TaskControl>().CancelAsync(owner.Actor, "t-2", TestContext.Current.CancellationToken);
        var live = Frame.Parse(await agent.ReceiveAsync())["result"]!["data"]!;
        var intruder = await _host.ConnectAsync(other);
        await intruder.SendAsync("""{"id":3,"method":"subscription","params":{"input":{"agentId":"runner-1"},"path":"agents.onCommand"}}""");
        var refused = await intruder.ReceiveAsync();

        (pending["kind"]!.GetValue<string>(), pending["taskId"]!.GetValue<string>()).ShouldBe(("cancel", "t-1"));
        (live["kind"]!.GetValue<string>(), live["taskId"]!.GetValue<string>()).ShouldBe(("cancel", "t-2"));
        refused.ShouldContain("\"code\":\"FORBIDDEN\"");
        await agent.ExpectNothingBeforePongAsync();
    }
}
