namespace RealtimeApp.Web.Features.Rooms;

/// <summary>A room as the admin console lists it, archived and private ones included.</summary>
public sealed record AdminRoomRow(string Id, string Name, string? Topic, bool IsPrivate, bool IsArchived, int Members, DateTimeOffset LastActivityAt);
