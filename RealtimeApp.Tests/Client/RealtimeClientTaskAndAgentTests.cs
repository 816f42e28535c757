using RealtimeApp.Client;
using RealtimeApp.Client.Api;

namespace RealtimeApp.Tests.Client;

/// <summary>The typed <c>tasks.*</c> and <c>agents.*</c> procedures against the real app, as an agent script uses them.</summary>
public sealed class RealtimeClientTaskAndAgentTests : IAsyncLifetime
{
    private ClientAppHost _host = null!;
    private RealtimeClient _agent = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ClientAppHost.StartAsync();
        var ana = await _host.CreateStaffAsync("ana@example.com");
        _agent = _host.Connect((await _host.CreateTokenAsync(ana)).Secret);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Tasks_CreateReportGetListAndFollow()
    {
        await _agent.Agents.ReportAsync(new AgentReport("runner-1", "idle", "Runner 1"), Ct);
        var created = await _agent.Tasks.CreateAsync("build web", "runner-1", clientId: "build-1", cancellationToken: Ct);
        var again = await _agent.Tasks.CreateAsync("build web", "runner-1", clientId: "build-1", cancellationToken: Ct);
        var events = new List<TaskProgress>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var following = Task.Run(async () =>
        {
            await foreach (var progress in _agent.Tasks.OnProgressAsync(created.Id, created.LastSequence, stop.Token))
            {
                events.Add(progress);
                if (progress.Status == "succeeded")
                {
                    return;
                }
            }
        }, Ct);

        await _agent.Tasks.ReportAsync(created.Id, 50, "running", "half way", cancellationToken: Ct);
        var done = await _agent.Tasks.ReportAsync(created.Id, 100, "succeeded", cancellationToken: Ct);
        await following.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var got = await _agent.Tasks.GetAsync(created.Id, Ct);
        var listed = await _agent.Tasks.ListAsync(new TaskQuery(AgentId: "runner-1"), Ct);

        again.Id.ShouldBe(created.Id, "a retry with the same clientId returns the first task");
        events.Select(e => (e.Progress, e.Status)).ShouldBe([(50, "running"), (100, "succeeded")]);
        done.Status.ShouldBe("succeeded");
        (got.Status, got.Progress, got.LastSequence).ShouldBe(("succeeded", 100, done.LastSequence));
        listed.Items.Select(task => task.Id).ShouldBe([created.Id]);
        listed.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Agents_ReportListAndReceiveEachCommandOnce()
    {
        await _agent.Agents.ReportAsync(new AgentReport("runner-2", "idle", "Runner 2", Version: "2.1", Metadata: new Dictionary<string, string> { ["region"] = "eu" }), Ct);
        var task = await _agent.Tasks.CreateAsync("deploy", "runner-2", cancellationToken: Ct);
        await _agent.Tasks.ReportAsync(task.Id, 10, "running", cancellationToken: Ct);
        var commands = new List<AgentCommand>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var following = Task.Run(async () =>
        {
            await foreach (var command in _agent.Agents.OnCommandAsync("runner-2", stop.Token))
            {
                commands.Add(command);
            }
        }, Ct);

        await _agent.Tasks.CancelAsync(task.Id, Ct);
        await Realtime.Support.Eventually.WaitUntilAsync(() => commands.Count == 1, "the cancel command arrives");
        _host.Registry.CloseWhere(_ => true, "disconnected by an administrator");
        // Asked while the connection goes: the query is asked again on the next connection.
        var agents = await _agent.Agents.ListAsync(Ct);
        await Realtime.Support.Eventually.WaitUntilAsync(() => _agent.State.Phase == ConnectionPhase.Open && _host.Registry.Count == 1, "the agent is back");
        await _agent.Tasks.GetAsync(task.Id, Ct);
        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => following);

        commands.ShouldHaveSingleItem().ShouldBe(new AgentCommand(commands[0].CommandId, "cancel", task.Id), "sent again after the reconnect, yielded once");
        var runner = agents.Single(agent => agent.Id == "runner-2");
        runner.Version.ShouldBe("2.1");
        runner.Metadata!["region"].ShouldBe("eu");
    }
}
