using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Features.Tasks.Store;
using static RealtimeApp.Tests.Features.Tasks.Support.TaskSamples;

namespace RealtimeApp.Tests.Features.Tasks.Store;

public sealed class TaskListReducersTests
{
    private static readonly TaskListQuery Query = new();

    private static TaskListState Loaded(params TaskView[] rows) =>
        TaskListReducers.OnLoaded(TaskListReducers.OnOpened(new TaskListState()), new TaskListLoaded(Query, rows, rows.Length));

    [Fact]
    public void OnProgress_UpdatesTheRowInPlace_WhenItIsOnThePage()
    {
        var state = Loaded(Task("a", progress: 10), Task("b", progress: 20));

        var next = TaskListReducers.OnProgress(state, Progress("b", 3, 60));

        next.Rows.Select(row => (row.Id, row.Progress)).ShouldBe([("a", 10), ("b", 60)]);
        next.Rows[0].ShouldBeSameAs(state.Rows[0]);
    }

    [Fact]
    public void OnProgress_ReturnsTheSameState_WhenTheEntryIsOldOrTheTaskIsNotShown()
    {
        var state = Loaded(Task("a", progress: 40, lastSequence: 5));

        TaskListReducers.OnProgress(state, Progress("a", 4, 30)).ShouldBeSameAs(state);
        TaskListReducers.OnProgress(state, Progress("zzz", 9, 30)).ShouldBeSameAs(state);
    }

    [Fact]
    public void OnProgress_SetsStartAndFinish_WhenTheTaskStartsAndSucceeds()
    {
        var state = Loaded(Task("a", status: "queued", lastSequence: 1));

        var running = TaskListReducers.OnProgress(state, Progress("a", 2, 10));
        var done = TaskListReducers.OnProgress(running, Progress("a", 3, 100, "succeeded"));

        running.Rows[0].StartedAt.ShouldBe(Noon.AddSeconds(2));
        (done.Rows[0].Status, done.Rows[0].StartedAt, done.Rows[0].FinishedAt).ShouldBe(("succeeded", Noon.AddSeconds(2), Noon.AddSeconds(3)));
    }

    [Fact]
    public void OnLoaded_AppliesWhatArrivedWhileLoading_SoNothingIsLost()
    {
        var loading = TaskListReducers.OnOpened(new TaskListState());
        loading = TaskListReducers.OnProgress(loading, Progress("a", 3, 60));
        loading = TaskListReducers.OnStatus(loading, Status("a", 4, "failed", error: "disk full"));
        loading = TaskListReducers.OnProgress(loading, Progress("a", 4, 60, "failed"));

        var loaded = TaskListReducers.OnLoaded(loading, new TaskListLoaded(Query, [Task("a", progress: 10, lastSequence: 2)], 1));

        (loaded.Rows[0].Progress, loaded.Rows[0].Status, loaded.Rows[0].Error, loaded.Rows[0].LastSequence).ShouldBe((60, "failed", "disk full", 4L));
        loaded.Buffered.ShouldBeEmpty();
        loaded.Loading.ShouldBeFalse();
    }

    [Fact]
    public void OnLoaded_IgnoresThePage_WhenTheQueryChangedMeanwhile()
    {
        var state = TaskListReducers.OnQueryChanged(new TaskListState(), new TaskListQueryChanged(Query with { Status = "failed" }));

        TaskListReducers.OnLoaded(state, new TaskListLoaded(Query, [Task("a")], 1)).ShouldBeSameAs(state);
    }

    [Fact]
    public void OnCreatedSeen_PutsTheTaskOnTop_WhenThePageShowsNewestFirst()
    {
        var state = TaskListReducers.OnLoaded(
            TaskListReducers.OnQueryChanged(new TaskListState(), new TaskListQueryChanged(Query with { PageSize = 2 })),
            new TaskListLoaded(Query with { PageSize = 2 }, [Task("b"), Task("a")], 2));

        var next = TaskListReducers.OnCreatedSeen(state, new TaskCreatedSeen(Task("c", status: "queued")));

        next.Rows.Select(row => row.Id).ShouldBe(["c", "b"]);
        next.Total.ShouldBe(3);
        TaskListReducers.OnCreatedSeen(next, new TaskCreatedSeen(Task("c", status: "queued"))).ShouldBeSameAs(next);
    }

    [Fact]
    public void OnCreatedSeen_CountsTheTaskAsNew_WhenThePageIsSortedOtherwise()
    {
        var byTitle = Query with { Sort = TaskSort.Title, Descending = false };
        var state = TaskListReducers.OnLoaded(
            TaskListReducers.OnQueryChanged(new TaskListState(), new TaskListQueryChanged(byTitle)), new TaskListLoaded(byTitle, [Task("a")], 1));

        var next = TaskListReducers.OnCreatedSeen(state, new TaskCreatedSeen(Task("c")));
        var refreshed = TaskListReducers.OnRefresh(next);

        next.Rows.Select(row => row.Id).ShouldBe(["a"]);
        next.NewTaskIds.ShouldBe(["c"]);
        refreshed.NewTaskIds.ShouldBeEmpty();
    }

    [Fact]
    public void OnCreatedSeen_IgnoresTheTask_WhenItDoesNotMatchTheFilters()
    {
        var failedOnly = Query with { Status = "failed" };
        var state = TaskListReducers.OnLoaded(
            TaskListReducers.OnQueryChanged(new TaskListState(), new TaskListQueryChanged(failedOnly)), new TaskListLoaded(failedOnly, [], 0));

        TaskListReducers.OnCreatedSeen(state, new TaskCreatedSeen(Task("c", status: "queued"))).ShouldBeSameAs(state);
    }

    [Fact]
    public void OnFailed_ShowsTheError_AndStopsLoading()
    {
        var state = TaskListReducers.OnOpened(new TaskListState());

        var failed = TaskListReducers.OnFailed(state, new TaskListFailed(Query, "database down"));

        (failed.Error, failed.Loading, failed.Loaded).ShouldBe(("database down", false, true));
    }
}
