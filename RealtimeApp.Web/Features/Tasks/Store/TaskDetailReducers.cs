using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Tasks.Store;

public static class TaskDetailReducers
{
    [ReducerMethod]
    public static TaskDetailState OnOpened(TaskDetailState state, TaskDetailOpened action) =>
        new() { TaskId = action.TaskId, Loading = true };

    [ReducerMethod]
    public static TaskDetailState OnLoaded(TaskDetailState state, TaskDetailLoaded action)
    {
        if (action.Task.Id != state.TaskId)
        {
            return state;
        }

        // Entries that arrived live while loading are merged; those newer than the loaded task move its header on.
        var events = TaskUpdates.Merge(state.Events, action.Events);
        var task = events.Aggregate(action.Task, TaskUpdates.Apply);
        return state with { Task = task, Events = events, Loading = false, NotFound = false, Error = null };
    }

    [ReducerMethod]
    public static TaskDetailState OnRefreshed(TaskDetailState state, TaskDetailRefreshed action) =>
        action.Task.Id != state.TaskId || (state.Task is { } current && current.LastSequence > action.Task.LastSequence)
            ? state
            : state with { Task = action.Task };

    [ReducerMethod]
    public static TaskDetailState OnFailed(TaskDetailState state, TaskDetailFailed action) =>
        action.TaskId != state.TaskId ? state : state with { Loading = false, NotFound = action.NotFound, Error = action.Error };

    [ReducerMethod]
    public static TaskDetailState OnProgress(TaskDetailState state, TaskProgressReceived action)
    {
        if (action.Entry.TaskId != state.TaskId || state.Events.Exists(e => e.Sequence == action.Entry.Sequence))
        {
            return state;
        }

        return state with
        {
            Events = TaskUpdates.Merge(state.Events, [action.Entry]),
            Task = state.Task is null ? null : TaskUpdates.Apply(state.Task, action.Entry),
        };
    }

    [ReducerMethod]
    public static TaskDetailState OnStatus(TaskDetailState state, TaskStatusReceived action)
    {
        var task = action.TaskId == state.TaskId && state.Task is not null ? TaskUpdates.Apply(state.Task, action) : state.Task;
        return ReferenceEquals(task, state.Task) ? state : state with { Task = task };
    }

    [ReducerMethod]
    public static TaskDetailState OnCancel(TaskDetailState state, CancelTask action) => Pending(state, action.TaskId, true);

    [ReducerMethod]
    public static TaskDetailState OnRetry(TaskDetailState state, RetryTask action) => Pending(state, action.TaskId, true);

    [ReducerMethod]
    public static TaskDetailState OnCommandFinished(TaskDetailState state, TaskCommandFinished action) => Pending(state, action.TaskId, false);

    private static TaskDetailState Pending(TaskDetailState state, string taskId, bool pending) =>
        taskId != state.TaskId || state.CommandPending == pending ? state : state with { CommandPending = pending };
}
