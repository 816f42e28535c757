using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Features.Tasks.Store;
using static RealtimeApp.Tests.Features.Tasks.Support.TaskSamples;

namespace RealtimeApp.Tests.Features.Tasks.Store;

public sealed class TaskListQueryTests
{
    [Fact]
    public void ToTaskQuery_PagesAndTrimsText()
    {
        var query = new TaskListQuery(Status: "failed", AgentId: "r-1", Text: "  web ", Sort: TaskSort.Title, Descending: false, Page: 2, PageSize: 10);

        query.ToTaskQuery().ShouldBe(new TaskQuery("failed", "r-1", "web", Skip: 20, Take: 10, TaskSort.Title, Descending: false));
    }

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData("running", null, null, true)]
    [InlineData("failed", null, null, false)]
    [InlineData(null, "runner-1", "BUI", true)]
    [InlineData(null, "runner-2", null, false)]
    [InlineData(null, null, "deploy", false)]
    public void Matches_AppliesEveryFilter(string? status, string? agentId, string? text, bool expected) =>
        new TaskListQuery(status, agentId, text).Matches(Task("a", title: "Build web", status: "running", agentId: "runner-1")).ShouldBe(expected);
}
