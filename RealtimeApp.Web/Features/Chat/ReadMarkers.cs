using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>How far each member has read a room, kept on their membership; unread counts are measured from it (<see cref="ReadMarkerMoved"/> says when it moves).</summary>
public sealed class ReadMarkers(IDbContextFactory<ApplicationDbContext> contexts, EventHub hub)
{
    /// <summary>Moves the user's read marker forward to <paramref name="sequence"/> (never backwards).</summary>
    public async Task MarkReadAsync(Actor actor, string roomId, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var moved = await db.RoomMemberships
            .Where(m => m.RoomId == roomId && m.UserId == actor.UserId && m.LastReadSequence < sequence)
            .ExecuteUpdateAsync(setters => setters.SetProperty(m => m.LastReadSequence, sequence), cancellationToken);
        if (moved > 0)
        {
            hub.Publish(new ReadMarkerMoved(actor.UserId, roomId, sequence));
        }
    }
}
