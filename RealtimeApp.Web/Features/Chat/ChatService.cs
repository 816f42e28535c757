using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat.Persistence;
using RealtimeApp.Web.Features.RateLimits;
using RealtimeApp.Web.Features.Rooms;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>
/// The one write path for messages, shared by the UI and the WebSocket API: authorize, rate-limit, validate,
/// store (group commit, sequence per room), then publish. A send may carry a client id: sending it again returns the
/// message stored under it, without posting or spending the user's message budget again.
/// </summary>
public sealed class ChatService(
    IDbContextFactory<ApplicationDbContext> contexts,
    RoomAccess access,
    UserRateLimiter rateLimiter,
    MessageWriter writer)
{
    public Task<Result<ChatMessageView>> PostAsync(Actor actor, string roomId, string? text, CancellationToken cancellationToken = default) =>
        PostAsync(actor, roomId, text, clientId: null, cancellationToken);

    /// <summary>
    /// Posts with the client's id for this send (<see cref="ClientIds"/>), unique per author: a retry gets the original
    /// message (same id, sequence and time, not published again); the same id with another room or text is a conflict.
    /// </summary>
    public async Task<Result<ChatMessageView>> PostAsync(Actor actor, string roomId, string? text, string? clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        using var activity = AppTracing.Source.StartActivity("chat.post");
        activity?.SetTag("chat.room", roomId);
        if (clientId is not null && !ClientIds.IsValid(clientId))
        {
            return Failure.Invalid($"clientId: {ClientIds.Rule}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A retry of a committed send is answered here, before the room's checks and the message budget; one racing the
        // original through the writer is answered by the store.
        if (clientId is not null && await SentMessages.FindAsync(db, actor.UserId, clientId, cancellationToken) is { } sent)
        {
            return SendRetries.Answer(sent, roomId, text);
        }

        var room = await access.FindWritableAsync(db, actor, roomId, cancellationToken);
        if (!room.Succeeded)
        {
            return room.Failure!;
        }

        if (await rateLimiter.TryAcquireMessageAsync(actor, cancellationToken) is { } throttled)
        {
            return throttled;
        }

        if (ChatRules.ValidateMessage(text) is { } invalid)
        {
            return Failure.Invalid(invalid);
        }

        await access.EnsureMemberAsync(db, actor, room.Value!, cancellationToken);
        var mentions = await Mentions.ResolveAsync(db, roomId, text!, cancellationToken);
        var stored = await writer.WriteAsync(new NewMessage(roomId, actor.UserId, actor.DisplayName, text!, mentions, clientId), cancellationToken);
        return SendRetries.Answer(stored, roomId, text);
    }
}
