using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Tests.Domain.Tasks;

public sealed class TaskRecordTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static TaskRecord NewTask() => new() { Id = "task-42", Title = "Build", CreatedAt = Start };

    [Fact]
    public void Report_NumbersTimelineAndStartsTask_WhenProgressIsValid()
    {
        var task = NewTask();

        var first = task.Report(10, TaskState.Running, "step 1", null, null, Start.AddSeconds(1));
        var second = task.Report(60, TaskState.Running, "step 2", null, null, Start.AddSeconds(2));

        first.Value!.Sequence.ShouldBe(1);
        second.Value!.Sequence.ShouldBe(2);
        task.State.ShouldBe(TaskState.Running);
        task.Progress.ShouldBe(60);
        task.StartedAt.ShouldBe(Start.AddSeconds(1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Report_RefusesProgressOutsideRange_AndChangesNothing(int progress)
    {
        var task = NewTask();

        var result = task.Report(progress, TaskState.Running, null, null, null, Start);

        result.Failure!.Kind.ShouldBe(FailureKind.Invalid);
        result.Failure.Message.ShouldContain("progress");
        (task.State, task.Progress, task.LastSequence).ShouldBe((TaskState.Queued, 0, 0L));
    }

    [Fact]
    public void Report_SetsProgressTo100_WhenTaskSucceeds()
    {
        var task = NewTask();

        task.Report(70, TaskState.Succeeded, "done", null, null, Start);

        (task.State, task.Progress, task.FinishedAt).ShouldBe((TaskState.Succeeded, 100, (DateTimeOffset?)Start));
    }

    [Fact]
    public void Report_RefusesProgress_WhenTaskIsFinished()
    {
        var task = NewTask();
        task.Report(100, TaskState.Succeeded, null, null, null, Start);

        var late = task.Report(50, TaskState.Running, null, null, null, Start.AddSeconds(1));

        late.Failure!.Kind.ShouldBe(FailureKind.Conflict);
        late.Failure.Message.ShouldContain("takes no more progress");
        task.Progress.ShouldBe(100);
    }

    [Fact]
    public void Report_KeepsErrorDetails_WhenTaskFails()
    {
        var task = NewTask();
        task.Report(30, TaskState.Running, null, null, null, Start);

        task.Report(30, TaskState.Failed, null, "disk full", "at step 3: ENOSPC", Start.AddSeconds(5));

        (task.State, task.Error, task.ErrorDetails).ShouldBe((TaskState.Failed, "disk full", "at step 3: ENOSPC"));
    }

    [Fact]
    public void Retry_QueuesFailedTaskFromZero_AndRefusesOthers()
    {
        var task = NewTask();
        task.Report(40, TaskState.Failed, null, "boom", null, Start);
        var running = NewTask();
        running.Report(40, TaskState.Running, null, null, null, Start);

        var retried = task.Retry(Start.AddMinutes(1));
        var refused = running.Retry(Start.AddMinutes(1));

        retried.Succeeded.ShouldBeTrue();
        (task.State, task.Progress, task.Error).ShouldBe((TaskState.Queued, 0, (string?)null));
        refused.Failure!.Kind.ShouldBe(FailureKind.Conflict);
    }

    [Fact]
    public void Cancel_EndsRunningTask_AndRefusesFinishedOne()
    {
        var task = NewTask();
        task.Report(40, TaskState.Running, null, null, null, Start);

        var cancelled = task.Cancel("stop", Start.AddSeconds(3));
        var again = task.Cancel("stop", Start.AddSeconds(4));

        cancelled.Value!.State.ShouldBe(TaskState.Cancelled);
        again.Failure!.Kind.ShouldBe(FailureKind.Conflict);
    }

    [Theory]
    [InlineData(TaskState.Succeeded, TaskState.Running, false)]
    [InlineData(TaskState.Failed, TaskState.Running, false)]
    [InlineData(TaskState.Queued, TaskState.Running, true)]
    [InlineData(TaskState.Running, TaskState.Cancelled, true)]
    [InlineData(TaskState.Failed, TaskState.Queued, true)]
    [InlineData(TaskState.Succeeded, TaskState.Queued, false)]
    public void CanMove_FollowsTheStateMachine(TaskState from, TaskState to, bool allowed) =>
        TaskStates.CanMove(from, to).ShouldBe(allowed);

    [Theory]
    [InlineData("running", TaskState.Running)]
    [InlineData("SUCCEEDED", TaskState.Succeeded)]
    [InlineData("1", null)]
    [InlineData("done", null)]
    public void FromWire_ReadsOnlyKnownNames(string value, TaskState? expected) =>
        TaskStates.FromWire(value).ShouldBe(expected);
}
