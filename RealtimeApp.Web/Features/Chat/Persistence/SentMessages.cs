using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat.Persistence;

/// <summary>Finds messages by their author and the client id the author's client gave them (the unique index's columns).</summary>
internal static class SentMessages
{
    public static Task<ChatMessage?> FindAsync(ApplicationDbContext db, string authorId, string clientId, CancellationToken cancellationToken) =>
        db.ChatMessages.AsNoTracking().FirstOrDefaultAsync(m => m.AuthorId == authorId && m.ClientId == clientId, cancellationToken);

    /// <summary>Inside a store session's <paramref name="transaction"/>: the messages already stored under the batch's (author, client id) pairs.</summary>
    public static async Task<Dictionary<(string AuthorId, string ClientId), ChatMessage>> FindAsync(
        ApplicationDbContext db, DbTransaction transaction, IReadOnlyList<NewMessage> batch)
    {
        var keys = batch.Where(m => m.ClientId is not null).Select(m => (m.AuthorId, ClientId: m.ClientId!)).ToHashSet();
        if (keys.Count == 0)
        {
            return [];
        }

        var authorIds = keys.Select(key => key.AuthorId).Distinct().ToList();
        var clientIds = keys.Select(key => key.ClientId).Distinct().ToList();
        await db.Database.UseTransactionAsync(transaction);
        try
        {
            var candidates = await db.ChatMessages.AsNoTracking()
                .Where(m => authorIds.Contains(m.AuthorId) && clientIds.Contains(m.ClientId!))
                .ToListAsync();
            return candidates.Where(m => keys.Contains((m.AuthorId, m.ClientId!))).ToDictionary(m => (m.AuthorId, m.ClientId!));
        }
        finally
        {
            await db.Database.UseTransactionAsync(null);
        }
    }
}
