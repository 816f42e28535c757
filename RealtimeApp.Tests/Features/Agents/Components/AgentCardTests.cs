using Bunit;
using RealtimeApp.Tests.Features.Agents.Support;
using RealtimeApp.Web.Features.Agents.Components;
using static RealtimeApp.Tests.Features.Agents.Support.AgentSamples;

namespace RealtimeApp.Tests.Features.Agents.Components;

public sealed class AgentCardTests : AgentsTestContext
{
    [Theory]
    [InlineData("active", "success")]
    [InlineData("idle", "info")]
    [InlineData("error", "error")]
    [InlineData("offline", "default")]
    public void Render_ColoursTheStatusChip_ByStatus(string status, string colour)
    {
        var cut = Render<AgentCard>(p => p.Add(c => c.Agent, Agent("a1", status)).Add(c => c.Now, Noon));

        var chip = cut.Find("[aria-label='Status']");
        chip.TextContent.Trim().ShouldBe(char.ToUpperInvariant(status[0]) + status[1..]);
        chip.GetAttribute("data-status-color").ShouldBe(colour);
        chip.ClassList.ShouldContain($"mud-chip-color-{colour}");
    }

    [Fact]
    public void Render_SaysHowLongAgoTheAgentWasSeen()
    {
        var cut = Render<AgentCard>(p => p.Add(c => c.Agent, Agent("a1", lastHeartbeat: Noon)).Add(c => c.Now, Noon.AddSeconds(3)));

        cut.Find("[aria-label='Last seen']").TextContent.Trim().ShouldBe("last seen 3 s ago");
    }

    [Fact]
    public void Render_LinksTheCurrentTaskAndShowsItsProgress()
    {
        var cut = Render<AgentCard>(p => p.Add(c => c.Agent, Agent("a1", "active", "build-7", 60, version: "2.1")).Add(c => c.Now, Noon));

        var link = cut.Find("a[aria-label^='Current task ']");
        link.GetAttribute("href").ShouldBe("tasks/build-7");
        link.TextContent.Trim().ShouldBe("build-7");
        cut.Find("[aria-label='Progress']").GetAttribute("aria-valuenow").ShouldBe("60");
        cut.Find("[aria-label='Metadata']").TextContent.ShouldContain("v2.1");
    }

    [Fact]
    public void Render_SaysThereIsNoTask_WhenTheAgentIsIdle()
    {
        var cut = Render<AgentCard>(p => p.Add(c => c.Agent, Agent("a1")).Add(c => c.Now, Noon));

        cut.FindAll("a[aria-label^='Current task ']").ShouldBeEmpty();
        cut.Markup.ShouldContain("No current task");
    }
}
