using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>Finds <c>@name</c> mentions of room members (name = the part of their email before the @).</summary>
public static partial class Mentions
{
    public static IReadOnlyList<string> Tokens(string text) =>
        MentionToken().Matches(text).Select(match => match.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static async Task<IReadOnlyList<string>> ResolveAsync(ApplicationDbContext db, string roomId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return [];
        }

        var members = await db.RoomMemberships.Where(m => m.RoomId == roomId)
            .Join(db.Users, m => m.UserId, u => u.Id, (_, user) => new { user.Id, user.Email })
            .ToListAsync(cancellationToken);
        return members
            .Where(member => tokens.Any(token => string.Equals(token, LocalPart(member.Email), StringComparison.OrdinalIgnoreCase)))
            .Select(member => member.Id)
            .ToList();
    }

    public static string LocalPart(string? email) => email?.Split('@')[0] ?? "";

    [GeneratedRegex(@"(?<![\w@])@([A-Za-z0-9._-]*[A-Za-z0-9_])")]
    private static partial Regex MentionToken();
}
