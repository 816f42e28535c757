using RealtimeApp.Domain.Users;

namespace RealtimeApp.Web.Features.Audit;

/// <summary>Writes and reads the audit log of administrative actions.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Records that <paramref name="actor"/> did <paramref name="action"/> (see <see cref="AuditActions"/>) to
    /// <paramref name="target"/>; <paramref name="before"/> and <paramref name="after"/> are stored as JSON (null: nothing).
    /// Call it after the change is committed.
    /// </summary>
    Task WriteAsync(Actor actor, string action, string target, object? before = null, object? after = null, CancellationToken cancellationToken = default);

    /// <summary>Newest first, filtered and paged.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
