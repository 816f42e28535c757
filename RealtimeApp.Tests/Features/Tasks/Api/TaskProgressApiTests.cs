using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.Tests.Features.Tasks.Api;

public sealed class TaskProgressApiTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    private TaskService Tasks => _host.Get<TaskService>();

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OnProgress_SendsTrackedEvents_WithTheSequenceAsId()
    {
        var agent = await _host.CreateUserAsync("builder");
        await Tasks.CreateAsync(agent.Actor, "Build", id: "task-42", cancellationToken: TestContext.Current.CancellationToken);
        var client = await _host.ConnectAsync(agent);
        await client.SendAsync("""{"id":13,"method":"subscription","params":{"input":{"taskId":"task-42"},"path":"tasks.onProgress"}}""");
        (await client.ReceiveAsync()).ShouldBe("""{"id":13,"result":{"type":"started"}}""");

        await Tasks.ReportAsync(agent.Actor, new TaskReport("task-42", 10, "running", "step 1"), TestContext.Current.CancellationToken);

        var frame = Frame.Parse(await client.ReceiveAsync());
        frame["result"]!["id"]!.GetValue<string>().ShouldBe("2");
        frame["result"]!["data"]!["id"]!.GetValue<string>().ShouldBe("2");
        var data = frame["result"]!["data"]!["data"]!;
        (data["taskId"]!.GetValue<string>(), data["sequence"]!.GetValue<long>(), data["progress"]!.GetValue<int>(), data["status"]!.GetValue<string>(), data["message"]!.GetValue<string>())
            .ShouldBe(("task-42", 2L, 10, "running", "step 1"));
    }

    [Fact]
    public async Task OnProgress_ResumesWithoutGapOrDuplicate_WhileReportsKeepArriving()
    {
        var agent = await _host.CreateUserAsync("builder");
        await Tasks.CreateAsync(agent.Actor, "Long", id: "long-1", cancellationToken: TestContext.Current.CancellationToken);
        for (var i = 1; i <= 20; i++)
        {
            await Tasks.ReportAsync(agent.Actor, new TaskReport("long-1", i % 100, "running"), TestContext.Current.CancellationToken);
        }

        var client = await _host.ConnectAsync(agent);
        var reporting = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await Tasks.ReportAsync(agent.Actor, new TaskReport("long-1", i % 100, "running"), TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken);

        await client.SendAsync("""{"id":5,"method":"subscription","params":{"input":{"taskId":"long-1"},"path":"tasks.onProgress","lastEventId":"5"}}""");
        (await client.ReceiveAsync()).ShouldBe("""{"id":5,"result":{"type":"started"}}""");
        await reporting;
        var frames = await client.ReceiveAsync(121 - 5);

        frames.Select(frame => long.Parse(Frame.Parse(frame)["result"]!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(Enumerable.Range(6, 116).Select(i => (long)i));
        await client.ExpectNothingBeforePongAsync();
    }

    [Fact]
    public async Task OnProgress_RefusesUnknownTaskAndCursorBeyondTheEnd()
    {
        var agent = await _host.CreateUserAsync("builder");
        await Tasks.CreateAsync(agent.Actor, "Short", id: "short-1", cancellationToken: TestContext.Current.CancellationToken);
        var client = await _host.ConnectAsync(agent);

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"input":{"taskId":"nope"},"path":"tasks.onProgress"}}""");
        var unknown = await client.ReceiveAsync();
        await client.SendAsync("""{"id":2,"method":"subscription","params":{"input":{"taskId":"short-1"},"path":"tasks.onProgress","lastEventId":"9"}}""");
        var beyond = await client.ReceiveAsync();

        unknown.ShouldContain("\"code\":\"NOT_FOUND\"");
        beyond.ShouldContain("lastEventId: 9 is beyond the last event of task short-1 (1)");
    }

    [Fact]
    public async Task OnTaskProgress_UsesTheSeedClientsShape()
    {
        var agent = await _host.CreateUserAsync("builder");
        await Tasks.CreateAsync(agent.Actor, "Build", id: "task-7", cancellationToken: TestContext.Current.CancellationToken);
        var client = await _host.ConnectAsync(agent);

        await client.SendAsync("""{"id":3,"method":"subscription","params":{"input":{"taskId":"task-7","lastEventId":"0"},"path":"onTaskProgress"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":3,"result":{"type":"started"}}""");
        var data = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!["data"]!;
        (data["eventId"]!.GetValue<string>(), data["progress"]!.GetValue<int>(), data["status"]!.GetValue<string>()).ShouldBe(("1", 0, "queued"));
    }
}
