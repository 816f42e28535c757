namespace RealtimeApp.Web.Features.Chat;

/// <summary>
/// A validated, authorized message waiting for its sequence number and its commit. A <see cref="ClientId"/> makes it
/// idempotent per author: the store returns the message already stored under it instead of inserting another.
/// </summary>
public sealed record NewMessage(string RoomId, string AuthorId, string AuthorName, string Text, IReadOnlyList<string> Mentions, string? ClientId = null);
