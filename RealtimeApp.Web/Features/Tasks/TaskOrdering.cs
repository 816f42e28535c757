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
        TaskSort.Agent => OrderNullsFirst(tasks, t => t.AgentId == null, t => t.AgentId, descending),
        TaskSort.Progress => Order(tasks, t => t.Progress, descending),
        TaskSort.StartedAt => OrderNullsFirst(tasks, t => t.StartedAt == null, t => t.StartedAt, descending),
        _ => Order(tasks, t => t.CreatedAt, descending),
    };

    /// <summary>Unassigned and not-started tasks come first going up and last going down, on every engine (they differ).</summary>
    private static IOrderedQueryable<TaskRecord> OrderNullsFirst<TKey>(
        IQueryable<TaskRecord> tasks, Expression<Func<TaskRecord, bool>> isNull, Expression<Func<TaskRecord, TKey>> key, bool descending) =>
        descending
            ? tasks.OrderBy(isNull).ThenByDescending(key).ThenBy(t => t.Id)
            : tasks.OrderByDescending(isNull).ThenBy(key).ThenBy(t => t.Id);

    private static IOrderedQueryable<TaskRecord> Order<TKey>(IQueryable<TaskRecord> tasks, Expression<Func<TaskRecord, TKey>> key, bool descending) =>
        descending ? tasks.OrderByDescending(key).ThenBy(t => t.Id) : tasks.OrderBy(key).ThenBy(t => t.Id);
}
