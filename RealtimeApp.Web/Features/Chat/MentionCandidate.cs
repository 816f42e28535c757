namespace RealtimeApp.Web.Features.Chat;

/// <summary>Someone who can be mentioned in a room, as <c>@Name</c>.</summary>
public sealed record MentionCandidate(string UserId, string Name, string Email);
