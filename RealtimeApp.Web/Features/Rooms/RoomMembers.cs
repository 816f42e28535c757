using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit;

namespace RealtimeApp.Web.Features.Rooms;

/// <summary>Admin → Rooms → members: who belongs to a room and who moderates it. A removed member's live feeds end at once.</summary>
public sealed class RoomMembers(IDbContextFactory<ApplicationDbContext> contexts, RoomEvents events, IAuditLog audit, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<RoomMemberRow>>> ListAsync(Actor actor, string roomId, CancellationToken cancellationToken = default)
    {
        if (RoomAdministration.AdminOnly(actor) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.RoomMemberships.Where(m => m.RoomId == roomId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new RoomMemberRow(u.Id, u.Email ?? u.Id, m.Role))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<Result<RoomMemberRow>> AddAsync(Actor actor, string roomId, string? email, RoomRole role, CancellationToken cancellationToken = default)
    {
        if (RoomAdministration.AdminOnly(actor) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId, cancellationToken);
        var normalized = email?.Trim().ToUpperInvariant();
        var user = normalized is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (room is null || user is null)
        {
            return Failure.NotFound(room is null ? $"There is no room '{roomId}'." : $"There is no user with email '{email}'.");
        }

        var membership = await db.RoomMemberships.FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == user.Id, cancellationToken);
        var before = membership is null ? null : new { Member = user.Email, Role = membership.Role.ToString() };
        if (membership is null)
        {
            db.RoomMemberships.Add(new RoomMembership { RoomId = roomId, UserId = user.Id, Role = role, JoinedAt = time.GetUtcNow(), LastReadSequence = room.LastSequence });
        }
        else
        {
            membership.Role = role;
        }

        await db.SaveChangesAsync(cancellationToken);
        events.MembershipChanged(room, user.Id, role);
        await audit.WriteAsync(actor, AuditActions.RoomMemberSet, RoomAdministration.Target(room), before, new { Member = user.Email, Role = role.ToString() }, cancellationToken);
        return new RoomMemberRow(user.Id, user.Email ?? user.Id, role);
    }

    public async Task<Result<bool>> RemoveAsync(Actor actor, string roomId, string userId, CancellationToken cancellationToken = default)
    {
        if (RoomAdministration.AdminOnly(actor) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId, cancellationToken);
        var removed = await db.RoomMemberships.Where(m => m.RoomId == roomId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (room is null || removed == 0)
        {
            return Failure.NotFound("That user is not a member of this room.");
        }

        events.MembershipChanged(room, userId, role: null);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        await audit.WriteAsync(actor, AuditActions.RoomMemberRemoved, RoomAdministration.Target(room), new { Member = email ?? userId }, after: null, cancellationToken);
        return true;
    }
}
