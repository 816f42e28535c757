
namespace RealtimeApp.Web.Features.Rooms.Presence.Store;

public sealed record PresenceLoaded(string RoomId, IReadOnlyList<PresenceMember> Online);

public sealed record PresenceUpdated(string RoomId, PresenceMember Member, bool IsOnline);

public sealed record TypingUpdated(string RoomId, string UserId, string UserName, bool IsTyping, DateTimeOffset At);

public sealed record TypingExpired(DateTimeOffset Now);
