using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>Loading pages of tasks and noticing new ones while the Tasks page is open.</summary>
public sealed class TaskListEffects(TaskService tasks, ITaskAgents agents, TaskFeed feed, IState<TaskListState> state)
{
    [EffectMethod(typeof(TaskListOpened))]
    public async Task OpenAsync(IDispatcher dispatcher)
    {
        // Live first, then the page: what changes meanwhile is buffered by the reducers and applied to the page.
        await feed.WatchAllAsync();
        await LoadAsync(state.Value.Query, dispatcher);
        dispatcher.Dispatch(new TaskAgentsLoaded(await agents.ListIdsAsync()));
    }

    [EffectMethod(typeof(TaskListClosed))]
    public Task CloseAsync(IDispatcher dispatcher)
    {
        feed.StopWatchingAll();
        return Task.CompletedTask;
    }

    [EffectMethod]
    public Task HandleAsync(TaskListQueryChanged action, IDispatcher dispatcher) => LoadAsync(action.Query, dispatcher);

    [EffectMethod(typeof(TaskListRefreshRequested))]
    public Task RefreshAsync(IDispatcher dispatcher) => LoadAsync(state.Value.Query, dispatcher);

    [EffectMethod]
    public async Task HandleAsync(TaskStatusReceived action, IDispatcher dispatcher)
    {
        if (action.PreviousStatus is not null || !feed.WatchingAll)
        {
            return;
        }

        var created = await tasks.GetAsync(action.TaskId);
        if (!created.Succeeded)
        {
            return;
        }

        var task = created.Value!;
        if (task.AgentId is { } agentId && !state.Value.AgentIds.Contains(agentId))
        {
            dispatcher.Dispatch(new TaskAgentSeen(agentId));
        }

        if (state.Value.Query.Matches(task))
        {
            dispatcher.Dispatch(new TaskCreatedSeen(task));
        }
    }

    private async Task LoadAsync(TaskListQuery query, IDispatcher dispatcher)
    {
        try
        {
            var page = await tasks.ListAsync(query.ToTaskQuery());
            dispatcher.Dispatch(page.Succeeded
                ? new TaskListLoaded(query, page.Value!.Items, page.Value.Total)
                : new TaskListFailed(query, page.Failure!.Message));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            dispatcher.Dispatch(new TaskListFailed(query, "The tasks could not be loaded. Try again in a moment."));
            throw;
        }
    }
}
