using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>Reading a room: pages of history (oldest first within a page), what came after a sequence, and search.</summary>
public sealed class ChatHistory(IDbContextFactory<ApplicationDbContext> contexts, RoomAccess access)
{
    public const int MaxPageSize = 200;

    /// <summary>The <paramref name="limit"/> newest messages before <paramref name="beforeSequence"/> (or the newest of all).</summary>
    public async Task<Result<IReadOnlyList<ChatMessageView>>> PageAsync(Actor actor, string roomId, long? beforeSequence, int limit = ChatRules.HistoryPageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var room = await access.FindReadableAsync(db, actor, roomId, cancellationToken);
        if (!room.Succeeded)
        {
            return room.Failure!;
        }

        var before = beforeSequence ?? long.MaxValue;
        var newestFirst = await db.ChatMessages.AsNoTracking()
            .Where(m => m.RoomId == roomId && m.Sequence < before)
            .OrderByDescending(m => m.Sequence)
            .Take(Math.Clamp(limit, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
        return newestFirst.AsEnumerable().Reverse().Select(ChatMessageView.From).ToList();
    }

    /// <summary>The room, if the user may read it (from the room cache when it has it).</summary>
    public async Task<Result<Room>> ReadableRoomAsync(Actor actor, string roomId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await access.FindReadableAsync(db, actor, roomId, cancellationToken);
    }

    /// <summary>The room's newest sequence, read now (not from the room cache): where a resuming subscriber may start from at most.</summary>
    public async Task<long> LastSequenceAsync(string roomId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Rooms.Where(r => r.Id == roomId).Select(r => r.LastSequence).FirstAsync(cancellationToken);
    }

    /// <summary>Messages after <paramref name="afterSequence"/>, oldest first: what a resuming subscriber missed.</summary>
    public async Task<IReadOnlyList<ChatMessage>> AfterAsync(string roomId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChatMessages.AsNoTracking()
            .Where(m => m.RoomId == roomId && m.Sequence > afterSequence)
            .OrderBy(m => m.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Messages whose text contains <paramref name="query"/> (case-insensitive), newest first.</summary>
    public async Task<Result<IReadOnlyList<ChatMessageView>>> SearchAsync(Actor actor, string roomId, string? query, int limit = ChatRules.HistoryPageSize, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Trim().Length < 2)
        {
            return Failure.Invalid("Search for at least 2 characters.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var room = await access.FindReadableAsync(db, actor, roomId, cancellationToken);
        if (!room.Succeeded)
        {
            return room.Failure!;
        }

        var found = await db.ChatMessages.AsNoTracking()
            .Where(m => m.RoomId == roomId && m.DeletedAt == null)
            .WhereAnyContains(db, query.Trim(), m => m.Text)
            .OrderByDescending(m => m.Sequence)
            .Take(Math.Clamp(limit, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
        return found.Select(ChatMessageView.From).ToList();
    }
}
