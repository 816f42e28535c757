using RealtimeApp.Web.Features.Tasks.Store;
using static RealtimeApp.Tests.Features.Tasks.Support.TaskSamples;

namespace RealtimeApp.Tests.Features.Tasks.Store;

public sealed class TaskDetailReducersTests
{
    private static TaskDetailState Opened(string taskId = "a") => TaskDetailReducers.OnOpened(new TaskDetailState(), new TaskDetailOpened(taskId));

    [Fact]
    public void OnLoaded_MergesLiveEntriesThatArrivedWhileLoading_WithoutGapOrDuplicate()
    {
        var state = TaskDetailReducers.OnProgress(Opened(), Progress("a", 3, 60));
        state = TaskDetailReducers.OnProgress(state, Progress("a", 4, 80));

        var loaded = TaskDetailReducers.OnLoaded(state, new TaskDetailLoaded(
            Task("a", progress: 60, lastSequence: 3), [Entry("a", 1, 0, "queued"), Entry("a", 2, 10), Entry("a", 3, 60)]));

        loaded.Events.Select(e => e.Sequence).ShouldBe([1L, 2L, 3L, 4L]);
        (loaded.Task!.Progress, loaded.Task.LastSequence, loaded.Loading).ShouldBe((80, 4L, false));
    }

    [Fact]
    public void OnProgress_AppendsToTheTimelineAndMovesTheHeader_OnlyOnce()
    {
        var state = TaskDetailReducers.OnLoaded(Opened(), new TaskDetailLoaded(Task("a", progress: 10, lastSequence: 2), [Entry("a", 1, 0, "queued"), Entry("a", 2, 10)]));

        var next = TaskDetailReducers.OnProgress(state, Progress("a", 3, 60, message: "half way"));

        next.Events.Select(e => (e.Sequence, e.Progress, e.Message)).ShouldBe([(1L, 0, null), (2L, 10, null), (3L, 60, "half way")]);
        next.Task!.Progress.ShouldBe(60);
        TaskDetailReducers.OnProgress(next, Progress("a", 3, 60, message: "half way")).ShouldBeSameAs(next);
        TaskDetailReducers.OnProgress(next, Progress("other", 9, 99)).ShouldBeSameAs(next);
    }

    [Fact]
    public void OnFailed_ShowsNotFound_ForTheOpenTask()
    {
        var state = TaskDetailReducers.OnFailed(Opened("gone"), new TaskDetailFailed("gone", "There is no task 'gone'.", NotFound: true));

        (state.NotFound, state.Loading).ShouldBe((true, false));
    }

    [Fact]
    public void OnRefreshed_KeepsTheNewerTask_WhenTheRefreshIsOlder()
    {
        var state = TaskDetailReducers.OnLoaded(Opened(), new TaskDetailLoaded(Task("a", progress: 60, lastSequence: 5), []));

        TaskDetailReducers.OnRefreshed(state, new TaskDetailRefreshed(Task("a", progress: 10, lastSequence: 2))).ShouldBeSameAs(state);
        TaskDetailReducers.OnRefreshed(state, new TaskDetailRefreshed(Task("a", status: "failed", lastSequence: 5, errorDetails: "trace")))
            .Task!.ErrorDetails.ShouldBe("trace");
    }

    [Fact]
    public void CommandPending_IsSetByCancelAndClearedWhenFinished()
    {
        var state = TaskDetailReducers.OnLoaded(Opened(), new TaskDetailLoaded(Task("a"), []));

        var sent = TaskDetailReducers.OnCancel(state, new CancelTask("a"));
        var done = TaskDetailReducers.OnCommandFinished(sent, new TaskCommandFinished("a"));

        (sent.CommandPending, done.CommandPending).ShouldBe((true, false));
    }

    [Fact]
    public void OnProgress_ClearsTheFailure_WhenTheTaskIsQueuedAgain()
    {
        var state = TaskDetailReducers.OnLoaded(Opened(), new TaskDetailLoaded(Task("a", status: "failed", lastSequence: 4, error: "boom", errorDetails: "trace"), []));

        var retried = TaskDetailReducers.OnProgress(state, Progress("a", 5, 0, "queued"));

        (retried.Task!.Status, retried.Task.Error, retried.Task.ErrorDetails, retried.Task.StartedAt, retried.Task.FinishedAt).ShouldBe(("queued", null, null, null, null));
    }
}
