namespace RealtimeApp.Web.Features.Presence.Store;

public sealed record TypingMember(string UserName, DateTimeOffset ExpiresAt);
