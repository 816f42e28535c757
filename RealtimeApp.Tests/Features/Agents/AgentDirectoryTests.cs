using RealtimeApp.Domain.Common;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Agents;

namespace RealtimeApp.Tests.Features.Agents;

public sealed class AgentDirectoryTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task Get_ReturnsTheAgentWithItsMetadata(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var owner = await host.CreateUserAsync("owner");
        await host.Get<AgentService>().ReportAsync(
            owner, new AgentReport("a1", "active", Version: "1.0", Metadata: new Dictionary<string, string> { ["region"] = "eu" }), TestContext.Current.CancellationToken);

        var agent = await host.Get<AgentDirectory>().GetAsync("a1", TestContext.Current.CancellationToken);

        agent.Value!.Metadata!["region"].ShouldBe("eu");
        agent.Value.Version.ShouldBe("1.0");
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task Get_IsNotFound_ForAnUnknownAgent(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);

        var agent = await host.Get<AgentDirectory>().GetAsync("ghost", TestContext.Current.CancellationToken);

        agent.Failure!.Kind.ShouldBe(FailureKind.NotFound);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task History_ListsStatusChangesOldestFirst(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var owner = await host.CreateUserAsync("owner");
        var agents = host.Get<AgentService>();
        foreach (var status in new[] { "idle", "active", "active", "error" })
        {
            await agents.ReportAsync(owner, new AgentReport("a1", status), TestContext.Current.CancellationToken);
        }

        var history = await host.Get<AgentDirectory>().HistoryAsync("a1", TestContext.Current.CancellationToken);

        history.Select(h => h.Status).ShouldBe(["idle", "active", "error"]);
    }
}
