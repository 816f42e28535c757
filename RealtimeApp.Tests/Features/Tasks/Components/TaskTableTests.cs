using AngleSharp.Dom;
using Bunit;
using RealtimeApp.Tests.Features.Tasks.Support;
using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Features.Tasks.Components;
using RealtimeApp.Web.Features.Tasks.Store;
using static RealtimeApp.Tests.Features.Tasks.Support.TaskSamples;

namespace RealtimeApp.Tests.Features.Tasks.Components;

public sealed class TaskTableTests : TasksTestContext
{
    private static readonly TaskListQuery Query = new();

    [Fact]
    public async Task Render_UpdatesTheRowInPlace_WhenProgressArrives()
    {
        await GivenAsync(new TaskListOpened(), new TaskListLoaded(Query, [Task("a", "Build web", progress: 10), Task("b", "Deploy api", progress: 20)], 2));
        var cut = Render<TaskTable>();
        var chip = Row(cut, "Build web").QuerySelector(".mud-chip-container")!.Id;

        Live(Progress("a", 3, 60));

        cut.WaitForAssertion(() => Row(cut, "Build web").QuerySelector(".task-progress-value")!.TextContent.ShouldBe("60%"));
        Row(cut, "Build web").QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow").ShouldBe("60");
        // Same component instances (MudBlazor gives each chip a fresh id): the row was updated, not rebuilt.
        Row(cut, "Build web").QuerySelector(".mud-chip-container")!.Id.ShouldBe(chip);
        Row(cut, "Deploy api").TextContent.ShouldContain("20%");
        cut.FindAll("tbody tr").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Render_ShowsStatusChipAgentLinkAndTickingDuration()
    {
        await GivenAsync(new TaskListOpened(), new TaskListLoaded(Query, [Task("a", "Build web", startedAt: Noon.AddMinutes(-5))], 1));
        var cut = Render<TaskTable>();

        Time.Advance(TimeSpan.FromSeconds(3));

        cut.WaitForAssertion(() => Row(cut, "Build web").TextContent.ShouldContain("5 min 03 s"));
        Row(cut, "Build web").QuerySelector("[aria-label='Status: running']").ShouldNotBeNull();
        Row(cut, "Build web").QuerySelector("a[href='agents/runner-1']")!.TextContent.ShouldBe("runner-1");
        Row(cut, "Build web").QuerySelector("a[href='tasks/a']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Render_ShowsFilteredEmptyState_AndClearingFiltersKeepsTheSort()
    {
        var filtered = Query with { Status = "failed", Text = "web", Sort = TaskSort.Title, Descending = false };
        await GivenAsync(new TaskListOpened(), new TaskListQueryChanged(filtered), new TaskListLoaded(filtered, [], 0));
        var cut = Render<TaskTable>();

        cut.Find("[role=status]").TextContent.ShouldContain("No tasks match these filters.");
        cut.FindAll("button").Single(b => b.TextContent.Contains("Clear filters", StringComparison.Ordinal)).Click();

        Dispatched.OfType<TaskListQueryChanged>().Last().Query.ShouldBe(new TaskListQuery(Sort: TaskSort.Title, Descending: false));
    }

    [Fact]
    public async Task Render_ShowsAnInvitation_WhenThereAreNoTasksAtAll()
    {
        await GivenAsync(new TaskListOpened(), new TaskListLoaded(Query, [], 0));

        var cut = Render<TaskTable>();

        cut.Find("[role=status]").TextContent.ShouldContain("No tasks yet.");
    }

    [Fact]
    public async Task Render_ShowsTheError_AndTryAgainReloads()
    {
        await GivenAsync(new TaskListOpened(), new TaskListFailed(Query, "The tasks could not be loaded."));
        var cut = Render<TaskTable>();

        cut.Find("[role=alert]").TextContent.ShouldContain("The tasks could not be loaded.");
        cut.FindAll("button").Single(b => b.TextContent.Contains("Try again", StringComparison.Ordinal)).Click();

        Dispatched.OfType<TaskListRefreshRequested>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task SortHeader_SortsByTitleAscending_ThenFlips()
    {
        await GivenAsync(new TaskListOpened(), new TaskListLoaded(Query, [Task("a")], 1));
        var cut = Render<TaskTable>();

        cut.Find("button[aria-label='Sort by Title']").Click();
        Live(new TaskListLoaded(ListState.Query, [Task("a")], 1));
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Sort by Title']").Closest("th")!.GetAttribute("aria-sort").ShouldBe("ascending"));
        cut.Find("button[aria-label='Sort by Title']").Click();

        Dispatched.OfType<TaskListQueryChanged>().Select(q => (q.Query.Sort, q.Query.Descending)).ShouldBe([(TaskSort.Title, false), (TaskSort.Title, true)]);
    }

    [Fact]
    public async Task NewTasksNotice_ShowsTheCount_AndShowNewestSortsNewestFirst()
    {
        var byTitle = Query with { Sort = TaskSort.Title, Descending = false, Page = 1 };
        await GivenAsync(new TaskListOpened(), new TaskListQueryChanged(byTitle), new TaskListLoaded(byTitle, [Task("a")], 30));
        var cut = Render<TaskTable>();

        Live(new TaskCreatedSeen(Task("n-1")));
        Live(new TaskCreatedSeen(Task("n-2")));

        cut.WaitForAssertion(() => cut.Find("[role=status]").TextContent.ShouldContain("2 new tasks"));
        cut.FindAll("button").Single(b => b.TextContent.Contains("Show newest", StringComparison.Ordinal)).Click();
        Dispatched.OfType<TaskListQueryChanged>().Last().Query.ShouldBe(Query);
    }

    private static IElement Row(IRenderedComponent<TaskTable> cut, string title) =>
        cut.FindAll("tbody tr").Single(row => row.QuerySelector("a")?.TextContent == title);
}
