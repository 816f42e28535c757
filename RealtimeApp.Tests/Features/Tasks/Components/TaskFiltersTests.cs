using Bunit;
using RealtimeApp.Tests.Features.Tasks.Support;
using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Features.Tasks.Components;
using RealtimeApp.Web.Features.Tasks.Store;

namespace RealtimeApp.Tests.Features.Tasks.Components;

public sealed class TaskFiltersTests : TasksTestContext
{
    [Fact]
    public async Task TypingASearch_AsksForTheFirstPageOfMatchingTitles_KeepingTheOtherFilters()
    {
        var query = new TaskListQuery(Status: "failed", Sort: TaskSort.Title, Descending: false, Page: 3);
        await GivenAsync(new TaskListQueryChanged(query));
        var cut = Render<TaskFilters>();

        cut.Find("input[type=text]:not([readonly])").Input("nightly");
        Time.Advance(TimeSpan.FromMilliseconds(300));

        cut.WaitForAssertion(
            () => Dispatched.OfType<TaskListQueryChanged>().Last().Query.ShouldBe(query with { Text = "nightly", Page = 0 }),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Render_ShowsTheCurrentFilters()
    {
        await GivenAsync(new TaskListQueryChanged(new TaskListQuery(Status: "running", AgentId: "runner-7", Text: "web")), new TaskAgentsLoaded(["runner-1"]));

        var cut = Render<TaskFilters>();

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("runner-7"));
        cut.FindAll("input").Select(input => input.GetAttribute("value")).ShouldContain("web");
        cut.Markup.ShouldContain("running");
    }
}
