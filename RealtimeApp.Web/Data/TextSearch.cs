using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace RealtimeApp.Web.Data;

/// <summary>
/// "Contains this text, ignoring case" in a query, on either engine: <c>ILIKE</c> on PostgreSQL, <c>LIKE</c> on SQLite
/// (which ignores ASCII case already). <c>%</c>, <c>_</c> and <c>\</c> in the text are taken literally.
/// </summary>
public static class TextSearch
{
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    /// <summary>Keeps the rows where at least one of <paramref name="columns"/> contains <paramref name="text"/>.</summary>
    public static IQueryable<T> WhereAnyContains<T>(this IQueryable<T> source, ApplicationDbContext db, string text, params Expression<Func<T, string?>>[] columns)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfZero(columns.Length);

        var like = db.Database.IsNpgsql() ? ILike : Like;
        var row = Expression.Parameter(typeof(T), "row");
        // A member of a captured object, so the query sends the pattern as a parameter rather than inlining it.
        var pattern = Expression.Property(Expression.Constant(new Captured(LikePattern.Contains(text))), nameof(Captured.Pattern));
        var escape = Expression.Constant(LikePattern.Escape);
        var matches = columns
            .Select(column => (Expression)Expression.Call(like, Expression.Constant(EF.Functions), new RowSubstitution(column.Parameters[0], row).Visit(column.Body), pattern, escape))
            .Aggregate(Expression.OrElse);
        return source.Where(Expression.Lambda<Func<T, bool>>(matches, row));
    }

    private sealed record Captured(string Pattern);

    private sealed class RowSubstitution(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
