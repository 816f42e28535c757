using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>Editing and deleting messages: authors edit and delete their own; admins and room moderators delete anyone's.</summary>
public sealed class MessageEditing(
    IDbContextFactory<ApplicationDbContext> contexts,
    RoomAccess access,
    IChatEventPublisher publisher,
    TimeProvider time)
{
    public async Task<Result<ChatMessageView>> EditAsync(Actor actor, string roomId, long sequence, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, actor, roomId, sequence, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var message = found.Value!;
        if (message.AuthorId != actor.UserId)
        {
            return Failure.Forbidden("You can only edit your own messages.");
        }

        if (ChatRules.ValidateMessage(text) is { } invalid)
        {
            return Failure.Invalid(invalid);
        }

        message.Text = text!;
        message.EditedAt = time.GetUtcNow();
        message.Mentions = MentionList.Format(await Mentions.ResolveAsync(db, roomId, text!, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        publisher.MessageEdited(message, actor.UserId);
        return ChatMessageView.From(message);
    }

    public async Task<Result<ChatMessageView>> DeleteAsync(Actor actor, string roomId, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, actor, roomId, sequence, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var message = found.Value!;
        if (message.AuthorId != actor.UserId && !actor.IsAdmin && !await IsModeratorAsync(db, actor.UserId, roomId, cancellationToken))
        {
            return Failure.Forbidden("Only the author, a room moderator or an admin can delete this message.");
        }

        message.DeletedAt = time.GetUtcNow();
        message.Text = "";
        message.Mentions = "";
        await db.SaveChangesAsync(cancellationToken);
        publisher.MessageDeleted(message, actor.UserId);
        return ChatMessageView.From(message);
    }

    private async Task<Result<ChatMessage>> FindAsync(ApplicationDbContext db, Actor actor, string roomId, long sequence, CancellationToken cancellationToken)
    {
        var room = await access.FindWritableAsync(db, actor, roomId, cancellationToken);
        if (!room.Succeeded)
        {
            return room.Failure!;
        }

        var message = await db.ChatMessages.FirstOrDefaultAsync(m => m.RoomId == roomId && m.Sequence == sequence, cancellationToken);
        return message is null || message.IsDeleted
            ? Failure.NotFound($"There is no message {sequence} in #{room.Value!.Name}.")
            : message;
    }

    private static Task<bool> IsModeratorAsync(ApplicationDbContext db, string userId, string roomId, CancellationToken cancellationToken) =>
        db.RoomMemberships.AnyAsync(m => m.RoomId == roomId && m.UserId == userId && m.Role == RoomRole.Moderator, cancellationToken);
}
