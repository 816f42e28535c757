using RealtimeApp.Domain.Chat;

namespace RealtimeApp.Web.Features.Chat.Persistence;

/// <summary>What a store session committed.</summary>
/// <param name="Messages">One per message of the batch, in batch order: the stored message, or for a retry (a client id its author already used) the message stored under that id.</param>
/// <param name="Added">The messages inserted now, in batch order: the ones to publish.</param>
public sealed record StoredBatch(IReadOnlyList<ChatMessage> Messages, IReadOnlyList<ChatMessage> Added);
