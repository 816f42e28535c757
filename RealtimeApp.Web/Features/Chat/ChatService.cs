using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.RateLimits;
using RealtimeApp.Web.Features.Rooms;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>
/// The one write path for messages, shared by the UI and the WebSocket API: authorize, rate-limit, validate,
/// store (group commit, sequence per room), then publish.
/// </summary>
public sealed class ChatService(
    IDbContextFactory<ApplicationDbContext> contexts,
    RoomAccess access,
    UserRateLimiter rateLimiter,
    MessageWriter writer)
{
    public async Task<Result<ChatMessageView>> PostAsync(Actor actor, string roomId, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        using var activity = AppTracing.Source.StartActivity("chat.post");
        activity?.SetTag("chat.room", roomId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
        var stored = await writer.WriteAsync(new NewMessage(roomId, actor.UserId, actor.DisplayName, text!, mentions), cancellationToken);
        return ChatMessageView.From(stored);
    }
}
