using System.Linq.Expressions;
using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Web.Features.Tasks;

/// <summary>Applies a <see cref="TaskSort"/> to a task query, with the id as tie-breaker so paging is stable.</summary>
internal static class TaskOrdering
{
    public static IQueryable<TaskRecord> OrderBy(this IQueryable<TaskRecord> tasks, TaskSort sort, bool descending) => sort switch
    {
        // Lower-cased so "alpha" sorts with "Alpha", not after every capital (SQLite compares bytes).
        TaskSort.Title => Order(tasks, t => t.Title.ToLower(), descending),
        TaskSort.Status => Order(tasks, t => t.State, descending),
        TaskSort.Agent => Order(tasks, t => t.AgentId, descending),
        TaskSort.Progress => Order(tasks, t => t.Progress, descending),
        TaskSort.StartedAt => Order(tasks, t => t.StartedAt, descending),
        _ => Order(tasks, t => t.CreatedAt, descending),
    };

    private static IOrderedQueryable<TaskRecord> Order<TKey>(IQueryable<TaskRecord> tasks, Expression<Func<TaskRecord, TKey>> key, bool descending) =>
        descending ? tasks.OrderByDescending(key).ThenBy(t => t.Id) : tasks.OrderBy(key).ThenBy(t => t.Id);
}
