namespace RealtimeApp.Web.Features.Tasks;

/// <summary>One page of tasks and how many match in all.</summary>
public sealed record TaskPage(IReadOnlyList<TaskView> Items, int Total);
