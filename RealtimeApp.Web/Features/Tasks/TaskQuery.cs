namespace RealtimeApp.Web.Features.Tasks;

/// <summary>Which tasks to list: by status, agent and title text, ordered by <see cref="Sort"/> (newest first by default), a page at a time.</summary>
public sealed record TaskQuery(
    string? Status = null,
    string? AgentId = null,
    string? Text = null,
    int Skip = 0,
    int Take = 50,
    TaskSort Sort = TaskSort.CreatedAt,
    bool Descending = true)
{
    public const int MaxTake = 200;
}
