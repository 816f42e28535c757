using MudBlazor;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Tasks;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Shared.Actors;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>Loading one task with its whole timeline, following it live, and cancel/retry through <see cref="TaskControl"/>.</summary>
public sealed class TaskDetailEffects(
    TaskService tasks,
    TaskControl control,
    CircuitActor circuit,
    TaskFeed feed,
    IState<TaskDetailState> state,
    ISnackbar snackbar)
{
    private const int TimelinePageSize = 500;

    [EffectMethod]
    public async Task HandleAsync(TaskDetailOpened action, IDispatcher dispatcher)
    {
        // Live first, then the timeline from the start: an entry committed in between arrives both ways and is kept once.
        await feed.FollowAsync(action.TaskId);
        try
        {
            var task = await tasks.GetAsync(action.TaskId);
            if (!task.Succeeded)
            {
                dispatcher.Dispatch(new TaskDetailFailed(action.TaskId, task.Failure!.Message, task.Failure.Kind == FailureKind.NotFound));
                return;
            }

            var events = new List<TaskEventView>();
            IReadOnlyList<TaskEventView> page;
            do
            {
                page = await tasks.EventsAfterAsync(action.TaskId, events.Count > 0 ? events[^1].Sequence : 0, TimelinePageSize);
                events.AddRange(page);
            }
            while (page.Count == TimelinePageSize);

            dispatcher.Dispatch(new TaskDetailLoaded(task.Value!, events));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            dispatcher.Dispatch(new TaskDetailFailed(action.TaskId, "The task could not be loaded. Try again in a moment.", NotFound: false));
            throw;
        }
    }

    [EffectMethod]
    public Task HandleAsync(TaskDetailClosed action, IDispatcher dispatcher)
    {
        feed.Unfollow(action.TaskId);
        return Task.CompletedTask;
    }

    [EffectMethod]
    public async Task HandleAsync(TaskStatusReceived action, IDispatcher dispatcher)
    {
        // The event carries the short error only; the details are read once the failure is committed.
        if (action.TaskId == state.Value.TaskId && action.Status == TaskState.Failed.ToWire()
            && await tasks.GetAsync(action.TaskId) is { Succeeded: true } failed)
        {
            dispatcher.Dispatch(new TaskDetailRefreshed(failed.Value!));
        }
    }

    [EffectMethod]
    public async Task HandleAsync(TaskDetailResyncRequested action, IDispatcher dispatcher)
    {
        if (action.TaskId == state.Value.TaskId && await tasks.GetAsync(action.TaskId) is { Succeeded: true } task)
        {
            dispatcher.Dispatch(new TaskDetailRefreshed(task.Value!));
        }
    }

    [EffectMethod]
    public Task HandleAsync(CancelTask action, IDispatcher dispatcher) =>
        CommandAsync(action.TaskId, actor => control.CancelAsync(actor, action.TaskId), "Task cancelled", dispatcher);

    [EffectMethod]
    public Task HandleAsync(RetryTask action, IDispatcher dispatcher) =>
        CommandAsync(action.TaskId, actor => control.RetryAsync(actor, action.TaskId), "Task queued again", dispatcher);

    private async Task CommandAsync(string taskId, Func<Actor, Task<Result<TaskView>>> command, string done, IDispatcher dispatcher)
    {
        try
        {
            var result = await command(await circuit.GetAsync());
            if (!result.Succeeded)
            {
                snackbar.Add(result.Failure!.Message, Severity.Warning);
                return;
            }

            var task = result.Value!;
            snackbar.Add(task.AgentId is { } agentId ? $"{done}; agent {agentId} has been told." : $"{done}.", Severity.Success);
            dispatcher.Dispatch(new TaskDetailRefreshed(task));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            snackbar.Add("The command could not be sent. Try again in a moment.", Severity.Error);
            throw;
        }
        finally
        {
            dispatcher.Dispatch(new TaskCommandFinished(taskId));
        }
    }
}
