namespace RealtimeApp.Web.Features.Chat;

/// <summary>A validated, authorized message waiting for its sequence number and its commit.</summary>
public sealed record NewMessage(string RoomId, string AuthorId, string AuthorName, string Text, IReadOnlyList<string> Mentions);
