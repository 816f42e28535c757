namespace RealtimeApp.Web.Features.Tasks.Store;

public sealed record TaskListOpened;

public sealed record TaskListClosed;

public sealed record TaskListQueryChanged(TaskListQuery Query);

public sealed record TaskListRefreshRequested;

public sealed record TaskListLoaded(TaskListQuery Query, IReadOnlyList<TaskView> Rows, int Total);

public sealed record TaskListFailed(TaskListQuery Query, string Error);

public sealed record TaskAgentsLoaded(IReadOnlyList<string> AgentIds);

/// <summary>A task created while the page is open names an agent the agent filter does not offer yet.</summary>
public sealed record TaskAgentSeen(string AgentId);

/// <summary>A task created after the list was loaded that passes the list's filters.</summary>
public sealed record TaskCreatedSeen(TaskView Task);

public sealed record TaskProgressReceived(TaskEventView Entry);

public sealed record TaskStatusReceived(string TaskId, long Sequence, string Status, string? PreviousStatus, string? Error, DateTimeOffset At);

public sealed record TaskDetailOpened(string TaskId);

public sealed record TaskDetailClosed(string TaskId);

public sealed record TaskDetailLoaded(TaskView Task, IReadOnlyList<TaskEventView> Events);

public sealed record TaskDetailRefreshed(TaskView Task);

/// <summary>The detail feed fell behind: the task is read again for what its timeline cannot replay (its status).</summary>
public sealed record TaskDetailResyncRequested(string TaskId);

public sealed record TaskDetailFailed(string TaskId, string Error, bool NotFound);

public sealed record CancelTask(string TaskId);

public sealed record RetryTask(string TaskId);

public sealed record TaskCommandFinished(string TaskId);
