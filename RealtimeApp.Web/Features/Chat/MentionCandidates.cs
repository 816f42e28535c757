using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>Who can be @mentioned in a room: its members, if the user may read the room.</summary>
public sealed class MentionCandidates(IDbContextFactory<ApplicationDbContext> contexts, RoomAccess access)
{
    /// <summary>Members of a room the user can read, for @mention suggestions: name is the part of the email before the @.</summary>
    public async Task<Result<IReadOnlyList<MentionCandidate>>> ListAsync(Actor actor, string roomId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var room = await access.FindReadableAsync(db, actor, roomId, cancellationToken);
        if (!room.Succeeded)
        {
            return room.Failure!;
        }

        var emails = await db.RoomMemberships.Where(m => m.RoomId == roomId)
            .Join(db.Users, m => m.UserId, u => u.Id, (_, u) => new { u.Id, u.Email })
            .ToListAsync(cancellationToken);
        return emails.Select(u => new MentionCandidate(u.Id, Mentions.LocalPart(u.Email), u.Email ?? ""))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
