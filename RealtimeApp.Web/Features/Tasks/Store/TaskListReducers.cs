using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Tasks.Store;

public static class TaskListReducers
{
    [ReducerMethod(typeof(TaskListOpened))]
    public static TaskListState OnOpened(TaskListState state) => Reloading(state);

    [ReducerMethod(typeof(TaskListRefreshRequested))]
    public static TaskListState OnRefresh(TaskListState state) => Reloading(state) with { NewTaskIds = [] };

    [ReducerMethod]
    public static TaskListState OnQueryChanged(TaskListState state, TaskListQueryChanged action) =>
        Reloading(state) with { Query = action.Query, NewTaskIds = [] };

    [ReducerMethod]
    public static TaskListState OnLoaded(TaskListState state, TaskListLoaded action)
    {
        if (action.Query != state.Query)
        {
            return state;
        }

        // A row already updated live past the loaded copy (a second load racing the feed) keeps the newer copy.
        var rows = action.Rows.Select(row => state.Rows.Find(current => current.Id == row.Id) is { } current && current.LastSequence > row.LastSequence ? current : row);
        var loaded = state with { Rows = [.. rows], Total = action.Total, Loading = false, Loaded = true, Error = null, Buffered = [] };
        return state.Buffered.Aggregate(loaded, (current, buffered) => buffered switch
        {
            TaskProgressReceived progress => OnProgress(current, progress),
            TaskStatusReceived status => OnStatus(current, status),
            _ => current,
        });
    }

    [ReducerMethod]
    public static TaskListState OnFailed(TaskListState state, TaskListFailed action) =>
        action.Query != state.Query ? state : state with { Loading = false, Loaded = true, Error = action.Error, Buffered = [] };

    [ReducerMethod]
    public static TaskListState OnAgentsLoaded(TaskListState state, TaskAgentsLoaded action) =>
        state with { AgentIds = [.. action.AgentIds.Union(state.AgentIds).Order(StringComparer.Ordinal)] };

    [ReducerMethod]
    public static TaskListState OnAgentSeen(TaskListState state, TaskAgentSeen action)
    {
        if (state.AgentIds.Contains(action.AgentId))
        {
            return state;
        }

        // The loaded list is in id order (ordinal); the new agent takes its place in it.
        var index = state.AgentIds.BinarySearch(action.AgentId, StringComparer.Ordinal);
        return state with { AgentIds = state.AgentIds.Insert(~index, action.AgentId) };
    }

    [ReducerMethod]
    public static TaskListState OnProgress(TaskListState state, TaskProgressReceived action)
    {
        if (state.Loading)
        {
            return state with { Buffered = state.Buffered.Add(action) };
        }

        var rows = TaskUpdates.Update(state.Rows, action.Entry.TaskId, row => TaskUpdates.Apply(row, action.Entry));
        return ReferenceEquals(rows, state.Rows) ? state : state with { Rows = rows };
    }

    [ReducerMethod]
    public static TaskListState OnStatus(TaskListState state, TaskStatusReceived action)
    {
        if (state.Loading)
        {
            return state with { Buffered = state.Buffered.Add(action) };
        }

        var rows = TaskUpdates.Update(state.Rows, action.TaskId, row => TaskUpdates.Apply(row, action));
        return ReferenceEquals(rows, state.Rows) ? state : state with { Rows = rows };
    }

    [ReducerMethod]
    public static TaskListState OnCreatedSeen(TaskListState state, TaskCreatedSeen action)
    {
        var task = action.Task;
        if (!state.Loaded || !state.Query.Matches(task) || state.Rows.Exists(row => row.Id == task.Id))
        {
            return state;
        }

        if (state.Query.ShowsNewestFirst && !state.Loading)
        {
            var rows = state.Rows.Insert(0, task);
            return state with { Rows = rows.Count > state.Query.PageSize ? rows.RemoveAt(rows.Count - 1) : rows, Total = state.Total + 1 };
        }

        return state with { NewTaskIds = state.NewTaskIds.Add(task.Id) };
    }

    private static TaskListState Reloading(TaskListState state) => state with { Loading = true, Error = null, Buffered = [] };
}
