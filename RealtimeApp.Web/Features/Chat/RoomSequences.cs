using Microsoft.EntityFrameworkCore;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>Hands out a room's next sequence numbers inside the caller's transaction, so several writers (or nodes) never collide.</summary>
internal static class RoomSequences
{
    /// <summary>Reserves <paramref name="count"/> numbers and returns the last one; throws when the room does not exist.</summary>
    public static async Task<long> ReserveAsync(ApplicationDbContext db, string roomId, int count, DateTimeOffset now)
    {
        await db.Rooms.Where(room => room.Id == roomId)
            .ExecuteUpdateAsync(setters => setters
                .SetProperty(room => room.LastSequence, room => room.LastSequence + count)
                .SetProperty(room => room.LastActivityAt, now));
        var last = await db.Rooms.Where(room => room.Id == roomId).Select(room => (long?)room.LastSequence).SingleOrDefaultAsync();
        return last ?? throw new InvalidOperationException($"Room '{roomId}' does not exist.");
    }
}
