using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>How far each member has read a room, kept on their membership; unread counts are measured from it.</summary>
public sealed class ReadMarkers(IDbContextFactory<ApplicationDbContext> contexts)
{
    /// <summary>Moves the user's read marker forward to <paramref name="sequence"/> (never backwards).</summary>
    public async Task MarkReadAsync(Actor actor, string roomId, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RoomMemberships
            .Where(m => m.RoomId == roomId && m.UserId == actor.UserId && m.LastReadSequence < sequence)
            .ExecuteUpdateAsync(setters => setters.SetProperty(m => m.LastReadSequence, sequence), cancellationToken);
    }
}
