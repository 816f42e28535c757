namespace RealtimeApp.Web.Features.Rooms.Presence.Store;

public sealed record TypingMember(string UserName, DateTimeOffset ExpiresAt);
