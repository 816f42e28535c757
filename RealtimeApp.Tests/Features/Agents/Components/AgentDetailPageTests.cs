using Bunit;
using RealtimeApp.Tests.Features.Agents.Support;
using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Agents.Store;
using static RealtimeApp.Tests.Features.Agents.Support.AgentSamples;

namespace RealtimeApp.Tests.Features.Agents.Components;

public sealed class AgentDetailPageTests : AgentsTestContext
{
    [Fact]
    public async Task Render_ShowsHeaderHistoryChartAndTaskLinks_WhenTheAgentIsLoaded()
    {
        await GivenAsync();
        var cut = Render<AgentDetailPage>(p => p.Add(c => c.AgentId, "a1"));

        Dispatcher.Dispatch(new AgentDetailLoaded(
            Agent("a1", "active", "t2", 50) with { Metadata = new Dictionary<string, string> { ["region"] = "eu" } },
            [new AgentStatusPoint("idle", Noon), new AgentStatusPoint("active", Noon.AddMinutes(1))],
            [Task("t2", progress: 50), Task("t1", "succeeded", 100)]));
        Time.SetUtcNow(Noon.AddMinutes(3));

        cut.WaitForAssertion(() => cut.Find("h1").TextContent.ShouldBe("Agent a1"));
        cut.Find("[aria-label='Status']").TextContent.Trim().ShouldBe("Active");
        cut.Find("[aria-label='Agent details']").TextContent.ShouldContain("region");
        cut.Find("[aria-label='Time per status'] svg").ShouldNotBeNull();
        cut.Find("[aria-label='Time per status']").TextContent.ShouldContain("Active 2 min");
        cut.FindAll("[aria-label='Status history'] tbody tr").Count.ShouldBe(2);
        cut.FindAll("[aria-label='Recent tasks'] a").Select(a => a.GetAttribute("href")).ShouldBe(["tasks/t2", "tasks/t1"]);
        Dispatched.OfType<AgentDetailOpened>().ShouldHaveSingleItem().AgentId.ShouldBe("a1");
    }

    [Fact]
    public async Task Render_SaysSo_WhenTheAgentDoesNotExist()
    {
        await GivenAsync();
        var cut = Render<AgentDetailPage>(p => p.Add(c => c.AgentId, "ghost"));

        Dispatcher.Dispatch(new AgentDetailNotFound("ghost"));
        Time.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => cut.Find(".mud-alert").TextContent.ShouldContain("There is no agent 'ghost'."));
    }
}
