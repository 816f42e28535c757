using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Rooms;

/// <summary>Staff-side room operations: the room list with unread counts, describing, joining and leaving a room.</summary>
public sealed class RoomService(IDbContextFactory<ApplicationDbContext> contexts, RoomAccess access, RoomListCache lists, EventHub hub)
{
    /// <summary>Rooms the user belongs to plus public rooms they can join (archived rooms hidden), latest activity first.</summary>
    public async Task<IReadOnlyList<RoomSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        if (lists.Find(actor.UserId) is { } kept)
        {
            return kept;
        }

        var generation = lists.Generation;
        var rooms = await ReadListAsync(actor, cancellationToken);
        lists.Keep(actor.UserId, generation, rooms);
        return rooms;
    }

    private async Task<IReadOnlyList<RoomSummary>> ReadListAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mentionPattern = $"%{actor.UserId}%";
        var rows = await db.Rooms.AsNoTracking()
            .Where(room => !room.IsArchived)
            .Select(room => new
            {
                Room = room,
                Membership = db.RoomMemberships.FirstOrDefault(m => m.RoomId == room.Id && m.UserId == actor.UserId),
            })
            .Where(row => row.Membership != null || !row.Room.IsPrivate)
            .Select(row => new
            {
                row.Room,
                IsMember = row.Membership != null,
                LastRead = row.Membership == null ? row.Room.LastSequence : row.Membership.LastReadSequence,
                Mentions = row.Membership == null ? 0 : db.ChatMessages.Count(m =>
                    m.RoomId == row.Room.Id && m.Sequence > row.Membership.LastReadSequence && EF.Functions.Like(m.Mentions, mentionPattern)),
            })
            .ToListAsync(cancellationToken);

        return rows
            .Select(row => new RoomSummary(
                row.Room.Id, row.Room.Name, row.Room.Topic, row.Room.IsPrivate, row.IsMember, row.Room.LastSequence,
                row.Room.LastActivityAt, (int)Math.Max(0, row.Room.LastSequence - row.LastRead), row.Mentions))
            .OrderByDescending(room => room.IsMember)
            .ThenByDescending(room => room.LastActivityAt)
            .ToList()
            .AsReadOnly();
    }

    /// <summary>The room a user opens, archived or not, if they may read it.</summary>
    public async Task<Result<RoomSummary>> DescribeAsync(Actor actor, string roomId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var room = await access.FindReadableAsync(db, actor, roomId, cancellationToken);
        if (!room.Succeeded)
        {
            return room.Failure!;
        }

        var value = room.Value!;
        var role = await db.RoomMemberships.Where(m => m.RoomId == roomId && m.UserId == actor.UserId).Select(m => (RoomRole?)m.Role).FirstOrDefaultAsync(cancellationToken);
        return new RoomSummary(value.Id, value.Name, value.Topic, value.IsPrivate, role is not null, value.LastSequence, value.LastActivityAt, 0, 0)
        {
            IsArchived = value.IsArchived,
            IsModerator = role == RoomRole.Moderator,
        };
    }

    public async Task<Result<RoomSummary>> JoinAsync(Actor actor, string roomId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var room = await access.FindWritableAsync(db, actor, roomId, cancellationToken);
        if (!room.Succeeded)
        {
            return room.Failure!;
        }

        await access.EnsureMemberAsync(db, actor, room.Value!, cancellationToken);
        var value = room.Value!;
        return new RoomSummary(value.Id, value.Name, value.Topic, value.IsPrivate, IsMember: true, value.LastSequence, value.LastActivityAt, 0, 0);
    }

    public async Task<Result<bool>> LeaveAsync(Actor actor, string roomId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        if (roomId == Room.GeneralId)
        {
            return Failure.Invalid("Everyone stays in #general.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var left = await db.RoomMemberships.Where(m => m.RoomId == roomId && m.UserId == actor.UserId).ExecuteDeleteAsync(cancellationToken);
        if (left == 0)
        {
            return Failure.NotFound($"You are not a member of '{roomId}'.");
        }

        hub.Publish(new RoomMembershipChanged(roomId, actor.UserId, IsMember: false, nameof(RoomRole.Member)));
        return true;
    }
}
