namespace RealtimeApp.Web.Features.Tasks.Store;

/// <summary>What the Tasks page shows: its filters, order and page (kept per circuit, so coming back keeps them).</summary>
public sealed record TaskListQuery(
    string? Status = null,
    string? AgentId = null,
    string? Text = null,
    TaskSort Sort = TaskSort.CreatedAt,
    bool Descending = true,
    int Page = 0,
    int PageSize = 25)
{
    /// <summary>True when a newly created task belongs at the top of this very page.</summary>
    public bool ShowsNewestFirst => Page == 0 && Sort == TaskSort.CreatedAt && Descending;

    public TaskQuery ToTaskQuery() =>
        new(Status, AgentId, string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(), Page * PageSize, PageSize, Sort, Descending);

    /// <summary>Whether <paramref name="task"/> passes the filters (as the service's query would decide).</summary>
    public bool Matches(TaskView task)
    {
        ArgumentNullException.ThrowIfNull(task);

        return (Status is null || task.Status == Status)
            && (AgentId is null || task.AgentId == AgentId)
            && (string.IsNullOrWhiteSpace(Text) || task.Title.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
