namespace RealtimeApp.Web.Features.Rooms;

/// <summary>What an admin sets on a room; null leaves a value as it is.</summary>
public sealed record RoomSettings(string? Name = null, string? Topic = null, bool? IsPrivate = null);
