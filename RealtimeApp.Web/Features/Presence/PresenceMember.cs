namespace RealtimeApp.Web.Features.Presence;

public sealed record PresenceMember(string UserId, string UserName);
