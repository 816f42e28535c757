using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>Who may read and write which room: public rooms are open to all staff, private rooms to their members.</summary>
public sealed class RoomAccess(TimeProvider time)
{
    public async Task<Result<Room>> FindReadableAsync(ApplicationDbContext db, Actor actor, string roomId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);

        var room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId, cancellationToken);
        if (room is null)
        {
            return Failure.NotFound($"There is no room '{roomId}'.");
        }

        if (room.IsPrivate && !await IsMemberAsync(db, actor.UserId, roomId, cancellationToken))
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

    /// <summary>Posting in a public room joins it, so the room shows up in the poster's list with unread counts.</summary>
    public async Task EnsureMemberAsync(ApplicationDbContext db, Actor actor, Room room, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(room);

        if (await IsMemberAsync(db, actor.UserId, room.Id, cancellationToken))
        {
            return;
        }

        db.RoomMemberships.Add(new RoomMembership { RoomId = room.Id, UserId = actor.UserId, JoinedAt = time.GetUtcNow(), LastReadSequence = room.LastSequence });
        await db.SaveChangesAsync(cancellationToken);
    }

    public static Task<bool> IsMemberAsync(ApplicationDbContext db, string userId, string roomId, CancellationToken cancellationToken) =>
        db.RoomMemberships.AnyAsync(m => m.RoomId == roomId && m.UserId == userId, cancellationToken);
}
