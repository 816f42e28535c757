using Bunit;
using RealtimeApp.Tests.Features.Agents.Support;
using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Agents.Store;
using static RealtimeApp.Tests.Features.Agents.Support.AgentSamples;

namespace RealtimeApp.Tests.Features.Agents.Components;

public sealed class AgentsPageTests : AgentsTestContext
{
    [Fact]
    public async Task Render_CountsAgentsPerStatus()
    {
        await GivenAsync(new AgentsLoaded([Agent("a", "active"), Agent("b", "active"), Agent("c", "idle"), Agent("d", "offline")]));

        var cut = Render<AgentsPage>();

        cut.Find("[aria-label='2 active']").ShouldNotBeNull();
        cut.Find("[aria-label='1 idle']").ShouldNotBeNull();
        cut.Find("[aria-label='0 error']").ShouldNotBeNull();
        cut.Find("[aria-label='1 offline']").ShouldNotBeNull();
        cut.FindAll("article.agent-card").Count.ShouldBe(4);
        Dispatched.OfType<AgentsOpened>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Render_ShowsOnlyTheChosenStatus_WhenAFilterChipIsClicked()
    {
        await GivenAsync(new AgentsLoaded([Agent("a", "active"), Agent("b", "idle"), Agent("c", "active")]));
        var cut = Render<AgentsPage>();

        cut.FindAll("[role='group'][aria-label='Filter by status'] .mud-chip").Single(chip => chip.TextContent.Trim() == "Idle").Click();

        cut.WaitForAssertion(() => cut.FindAll("article.agent-card").Select(card => card.GetAttribute("data-agent-id")).ShouldBe(["b"]));
        Dispatched.OfType<AgentsFilterChanged>().ShouldHaveSingleItem().Status.ShouldBe("idle");
        cut.Find("[aria-label='2 active']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Render_UpdatesACardInPlace_WhenItsAgentReports()
    {
        await GivenAsync(new AgentsLoaded([Agent("a", "idle")]));
        var cut = Render<AgentsPage>();

        Dispatcher.Dispatch(Status("a", "active", "t9", 30));
        Time.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => cut.Find("article.agent-card").GetAttribute("data-status").ShouldBe("active"));
        cut.Find("a[aria-label^='Current task ']").GetAttribute("href").ShouldBe("tasks/t9");
        cut.FindAll("article.agent-card").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Render_TicksLastSeen_AsTheClockAdvances()
    {
        await GivenAsync(new AgentsLoaded([Agent("a", lastHeartbeat: Noon)]));
        var cut = Render<AgentsPage>();
        cut.Find("[aria-label='Last seen']").TextContent.Trim().ShouldBe("last seen just now");

        Time.Advance(TimeSpan.FromSeconds(3));

        cut.WaitForAssertion(() => cut.Find("[aria-label='Last seen']").TextContent.Trim().ShouldBe("last seen 3 s ago"));
    }

    [Fact]
    public async Task Render_ExplainsHowAgentsConnect_WhenThereAreNone()
    {
        await GivenAsync(new AgentsLoaded([]));

        var cut = Render<AgentsPage>();

        var empty = cut.Find("[aria-label='No agents yet']");
        empty.TextContent.ShouldContain("docs/websocket-api.md");
        empty.TextContent.ShouldContain("Demo:Enabled");
    }
}
