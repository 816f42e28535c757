namespace RealtimeApp.Web.Features.Tasks;

/// <summary>What a task list is ordered by (ties broken by id, so pages never overlap).</summary>
public enum TaskSort
{
    CreatedAt,
    Title,
    Status,
    Agent,
    Progress,
    StartedAt,
}
