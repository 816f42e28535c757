namespace RealtimeApp.Web.Features.Rooms.Presence;

public sealed record PresenceMember(string UserId, string UserName);
