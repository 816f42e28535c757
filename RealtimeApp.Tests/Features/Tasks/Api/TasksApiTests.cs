using RealtimeApp.Tests.Features.Chat.Api.Support;

namespace RealtimeApp.Tests.Features.Tasks.Api;

public sealed class TasksApiTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreateReportGet_FollowATaskToSuccess()
    {
        var agent = await _host.CreateUserAsync("builder");
        var client = await _host.ConnectAsync(agent);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"title":"Build #7","id":"build-7"},"path":"tasks.create"}}""");
        var created = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;
        await client.SendAsync("""{"id":2,"method":"mutation","params":{"input":{"taskId":"build-7","progress":60,"status":"running","message":"tests"},"path":"tasks.report"}}""");
        var running = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;
        await client.SendAsync("""{"id":3,"method":"mutation","params":{"input":{"taskId":"build-7","progress":90,"status":"succeeded"},"path":"tasks.report"}}""");
        await client.ReceiveAsync();
        await client.SendAsync("""{"id":4,"method":"query","params":{"input":{"taskId":"build-7"},"path":"tasks.get"}}""");
        var done = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;

        created["status"]!.GetValue<string>().ShouldBe("queued");
        (running["status"]!.GetValue<string>(), running["progress"]!.GetValue<int>()).ShouldBe(("running", 60));
        (done["status"]!.GetValue<string>(), done["progress"]!.GetValue<int>(), done["lastSequence"]!.GetValue<long>()).ShouldBe(("succeeded", 100, 3L));
    }

    [Fact]
    public async Task Report_AnswersWithPreciseErrors_AndKeepsTheConnection()
    {
        var agent = await _host.CreateUserAsync("builder");
        var client = await _host.ConnectAsync(agent);
        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"title":"Build","id":"b-1"},"path":"tasks.create"}}""");
        await client.ReceiveAsync();

        await client.SendAsync("""{"id":2,"method":"mutation","params":{"input":{"taskId":"b-1","progress":150},"path":"tasks.report"}}""");
        var tooMuch = await client.ReceiveAsync();
        await client.SendAsync("""{"id":3,"method":"mutation","params":{"input":{"taskId":"nope","progress":10},"path":"tasks.report"}}""");
        var unknown = await client.ReceiveAsync();
        await client.SendAsync("""{"id":4,"method":"mutation","params":{"input":{"taskId":"b-1"},"path":"tasks.cancel"}}""");
        await client.ReceiveAsync();
        await client.SendAsync("""{"id":5,"method":"mutation","params":{"input":{"taskId":"b-1","progress":10},"path":"tasks.report"}}""");
        var finished = await client.ReceiveAsync();

        tooMuch.ShouldBe("""{"id":2,"error":{"message":"progress: must be between 0 and 100 (was 150).","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"tasks.report"}}}""");
        unknown.ShouldContain("\"code\":\"NOT_FOUND\"");
        finished.ShouldContain("\"code\":\"CONFLICT\"");
        finished.ShouldContain("takes no more progress");
    }

    [Fact]
    public async Task AgentsReportAndList_ShowTheAgent_AndRefuseAnotherOwner()
    {
        var owner = await _host.CreateUserAsync("runner");
        var other = await _host.CreateUserAsync("intruder");
        var client = await _host.ConnectAsync(owner);
        var intruder = await _host.ConnectAsync(other);

        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"agentId":"runner-1","status":"active","currentTask":"b-1","progress":40},"path":"agents.report"}}""");
        var reported = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;
        await client.SendAsync("""{"id":2,"method":"query","params":{"path":"agents.list"}}""");
        var list = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!.AsArray();
        await intruder.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"agentId":"runner-1","status":"idle"},"path":"agents.report"}}""");
        var refused = await intruder.ReceiveAsync();

        (reported["status"]!.GetValue<string>(), reported["progress"]!.GetValue<int>()).ShouldBe(("active", 40));
        list.Select(agent => agent!["id"]!.GetValue<string>()).ShouldBe(["runner-1"]);
        refused.ShouldContain("\"code\":\"FORBIDDEN\"");
    }

    [Fact]
    public async Task List_ReturnsAPageOfTasks_WithOrWithoutFilters()
    {
        var agent = await _host.CreateUserAsync("builder");
        var client = await _host.ConnectAsync(agent);
        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"title":"Build","id":"l-1"},"path":"tasks.create"}}""");
        await client.ReceiveAsync();

        await client.SendAsync("""{"id":2,"method":"query","params":{"path":"tasks.list"}}""");
        var all = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;
        await client.SendAsync("""{"id":3,"method":"query","params":{"input":{"status":"running"},"path":"tasks.list"}}""");
        var running = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!;

        all["total"]!.GetValue<int>().ShouldBe(1);
        all["items"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe("l-1");
        running["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task List_OrdersByTheRequestedColumn_AndRefusesAnUnknownOne()
    {
        var agent = await _host.CreateUserAsync("sorter");
        var client = await _host.ConnectAsync(agent);
        await client.SendAsync("""{"id":1,"method":"mutation","params":{"input":{"title":"Bravo","id":"s-1"},"path":"tasks.create"}}""");
        await client.ReceiveAsync();
        await client.SendAsync("""{"id":2,"method":"mutation","params":{"input":{"title":"alpha","id":"s-2"},"path":"tasks.create"}}""");
        await client.ReceiveAsync();

        await client.SendAsync("""{"id":3,"method":"query","params":{"input":{"sort":"title","descending":false},"path":"tasks.list"}}""");
        var byTitle = Frame.Parse(await client.ReceiveAsync())["result"]!["data"]!["items"]!.AsArray();
        await client.SendAsync("""{"id":4,"method":"query","params":{"input":{"sort":"duration"},"path":"tasks.list"}}""");
        var refused = await client.ReceiveAsync();

        byTitle.Select(task => task!["title"]!.GetValue<string>()).ShouldBe(["alpha", "Bravo"]);
        refused.ShouldBe("""{"id":4,"error":{"message":"sort: must be one of createdAt, title, status, agent, progress, startedAt","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"tasks.list","issues":[{"path":"sort","message":"must be one of createdAt, title, status, agent, progress, startedAt"}]}}}""");
    }
}
