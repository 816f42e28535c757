namespace RealtimeApp.Web.Features.Chat;

/// <summary>A readable room and its newest message's sequence, read at that moment: where a subscriber may resume from.</summary>
public sealed record RoomHead(string RoomId, string Name, long LastSequence);
