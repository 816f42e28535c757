using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Agents.Store;

/// <summary>Loading agents, following their status live, and loading one agent's history and tasks.</summary>
public sealed class AgentsEffects(
    AgentService agents,
    AgentDirectory directory,
    TaskService tasks,
    AgentFeed feed,
    IState<AgentsState> list,
    IState<AgentDetailState> detail)
{
    public const int RecentTaskCount = 20;

    [EffectMethod(typeof(AgentsOpened))]
    public async Task OpenAsync(IDispatcher dispatcher)
    {
        await feed.StartAsync();
        dispatcher.Dispatch(new AgentsLoaded(await agents.ListAsync()));
    }

    [EffectMethod]
    public async Task HandleAsync(AgentDetailOpened action, IDispatcher dispatcher)
    {
        await feed.StartAsync();
        await LoadDetailAsync(action.AgentId, dispatcher);
    }

    [EffectMethod(typeof(AgentsResyncRequested))]
    public async Task ResyncAsync(IDispatcher dispatcher)
    {
        if (list.Value.IsLoaded)
        {
            dispatcher.Dispatch(new AgentsLoaded(await agents.ListAsync()));
        }

        if (detail.Value.AgentId is { } agentId && !detail.Value.IsLoading)
        {
            await LoadDetailAsync(agentId, dispatcher);
        }
    }

    [EffectMethod]
    public async Task HandleAsync(AgentStatusReceived action, IDispatcher dispatcher)
    {
        if (list.Value.IsLoaded && list.Value.Agents.Find(a => a.Id == action.AgentId) is null
            && (await directory.GetAsync(action.AgentId)).Value is { } discovered)
        {
            dispatcher.Dispatch(new AgentDiscovered(discovered));
        }

        var open = detail.Value;
        if (open.AgentId != action.AgentId || open.IsLoading)
        {
            return;
        }

        if (open.NotFound)
        {
            await LoadDetailAsync(action.AgentId, dispatcher);
            return;
        }

        if (open.History.LastOrDefault()?.Status != action.Status)
        {
            dispatcher.Dispatch(new AgentHistoryLoaded(action.AgentId, await directory.HistoryAsync(action.AgentId)));
        }

        if (TasksAreStale(open, action))
        {
            dispatcher.Dispatch(new AgentTasksLoaded(action.AgentId, await RecentTasksAsync(action.AgentId)));
        }
    }

    /// <summary>A new current task (or one still shown as queued), or a shown task still unfinished that the agent no longer works on.</summary>
    public static bool TasksAreStale(AgentDetailState open, AgentStatusReceived action)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(action);

        var shown = action.CurrentTaskId is { } current ? open.RecentTasks.Find(t => t.Id == current) : null;
        var isNewOrStarting = action.CurrentTaskId is not null && shown is not { Status: not "queued" };
        var isLeft = open.RecentTasks.Exists(t => t.Id != action.CurrentTaskId && t.Status is "queued" or "running");
        return isNewOrStarting || isLeft;
    }

    private async Task LoadDetailAsync(string agentId, IDispatcher dispatcher)
    {
        var agent = await directory.GetAsync(agentId);
        if (!agent.Succeeded)
        {
            dispatcher.Dispatch(new AgentDetailNotFound(agentId));
            return;
        }

        dispatcher.Dispatch(new AgentDetailLoaded(agent.Value!, await directory.HistoryAsync(agentId), await RecentTasksAsync(agentId)));
    }

    private async Task<IReadOnlyList<TaskView>> RecentTasksAsync(string agentId) =>
        (await tasks.ListAsync(new TaskQuery(AgentId: agentId, Take: RecentTaskCount))).Value?.Items ?? [];
}
