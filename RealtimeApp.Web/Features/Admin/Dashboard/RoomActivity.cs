namespace RealtimeApp.Web.Features.Admin.Dashboard;

/// <summary>Chat messages posted in a room during the last minute and in the last sample.</summary>
public sealed record RoomActivity(string RoomId, long LastMinute, long LastSecond);
