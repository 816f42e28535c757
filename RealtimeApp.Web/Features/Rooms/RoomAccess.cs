using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Rooms;

/// <summary>Who may read and write which room: public rooms are open to all staff, private rooms to their members.</summary>
public sealed class RoomAccess(RoomDirectory directory, EventHub hub, TimeProvider time)
{
    public async Task<Result<Room>> FindReadableAsync(ApplicationDbContext db, Actor actor, string roomId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);

        var room = directory.Find(roomId);
        if (room is null)
        {
            var changes = directory.Changes;
            room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId, cancellationToken);
            if (room is null)
            {
                return Failure.NotFound($"There is no room '{roomId}'.");
            }

            directory.Remember(room, changes);
        }

        if (room.IsPrivate && !await IsKnownOrStoredMemberAsync(db, actor.UserId, roomId, cancellationToken))
        {
            return Failure.Forbidden($"#{room.Name} is private and you are not a member.");
        }

        return room;
    }

    public async Task<Result<Room>> FindWritableAsync(ApplicationDbContext db, Actor actor, string roomId, CancellationToken cancellationToken)
    {
        var room = await FindReadableAsync(db, actor, roomId, cancellationToken);
        return room.Succeeded && room.Value!.IsArchived
            ? Failure.Forbidden($"#{room.Value.Name} is archived: it is read-only.")
            : room;
    }

    /// <summary>
    /// Posting in a public room joins it, so the room shows up in the poster's list with unread counts. A private room
    /// is never joined this way: its poster was a member when access was checked, and one removed since stays removed.
    /// </summary>
    public async Task EnsureMemberAsync(ApplicationDbContext db, Actor actor, Room room, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(room);

        if (room.IsPrivate || await IsKnownOrStoredMemberAsync(db, actor.UserId, room.Id, cancellationToken))
        {
            return;
        }

        var lastSequence = await db.Rooms.Where(r => r.Id == room.Id).Select(r => r.LastSequence).FirstAsync(cancellationToken);
        var membership = db.RoomMemberships.Add(new RoomMembership { RoomId = room.Id, UserId = actor.UserId, JoinedAt = time.GetUtcNow(), LastReadSequence = lastSequence });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another first post of the same user (another tab, a retry, another node) may have added the membership and
            // announced it; anything else is a real failure.
            membership.State = EntityState.Detached;
            if (await IsMemberAsync(db, actor.UserId, room.Id, cancellationToken))
            {
                return;
            }

            throw;
        }

        hub.Publish(new RoomMembershipChanged(room.Id, actor.UserId, IsMember: true, nameof(RoomRole.Member)));
    }

    private async Task<bool> IsKnownOrStoredMemberAsync(ApplicationDbContext db, string userId, string roomId, CancellationToken cancellationToken)
    {
        if (directory.IsKnownMember(roomId, userId))
        {
            return true;
        }

        var changes = directory.Changes;
        var isMember = await IsMemberAsync(db, userId, roomId, cancellationToken);
        if (isMember)
        {
            directory.RememberMember(roomId, userId, changes);
        }

        return isMember;
    }

    public static Task<bool> IsMemberAsync(ApplicationDbContext db, string userId, string roomId, CancellationToken cancellationToken) =>
        db.RoomMemberships.AnyAsync(m => m.RoomId == roomId && m.UserId == userId, cancellationToken);
}
