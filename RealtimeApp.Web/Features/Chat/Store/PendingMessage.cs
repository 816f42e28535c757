namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>A message shown at once to its sender while it is being stored; <see cref="Error"/> is set when that failed.</summary>
public sealed record PendingMessage(Guid ClientId, string RoomId, string Text, string? Error = null);
