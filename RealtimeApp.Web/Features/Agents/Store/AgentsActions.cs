using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.Web.Features.Agents.Store;

public sealed record AgentsOpened;

public sealed record AgentsLoaded(IReadOnlyList<AgentView> Agents);

/// <summary>The status feed fell behind: the agents (and the agent open) are read again.</summary>
public sealed record AgentsResyncRequested;

public sealed record AgentStatusReceived(string AgentId, string Status, string? CurrentTaskId, int? Progress, DateTimeOffset LastHeartbeat);

public sealed record AgentDiscovered(AgentView Agent);

public sealed record AgentsFilterChanged(string? Status);

public sealed record AgentDetailOpened(string AgentId);

public sealed record AgentDetailLoaded(AgentView Agent, IReadOnlyList<AgentStatusPoint> History, IReadOnlyList<TaskView> RecentTasks);

public sealed record AgentDetailNotFound(string AgentId);

public sealed record AgentHistoryLoaded(string AgentId, IReadOnlyList<AgentStatusPoint> History);

public sealed record AgentTasksLoaded(string AgentId, IReadOnlyList<TaskView> Tasks);
