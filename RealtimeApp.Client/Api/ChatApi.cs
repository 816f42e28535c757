using System.Globalization;
using System.Runtime.CompilerServices;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Api;

/// <summary>The <c>chat.*</c> procedures.</summary>
public sealed class ChatApi
{
    private readonly RealtimeClient _client;

    internal ChatApi(RealtimeClient client) => _client = client;

    /// <summary>
    /// <c>chat.send</c>: posts <paramref name="text"/>. With a <paramref name="clientId"/> (1–64 of <c>A-Z a-z 0-9 _ -</c>)
    /// sending again after a lost answer returns the message the first send stored instead of posting twice.
    /// </summary>
    public async Task<ChatMessage> SendAsync(string roomId, string text, string? clientId = null, CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Mutation, "chat.send",
            RealtimeClient.Serialize(new SendInput(roomId, text, clientId), ClientJsonContext.Default.SendInput),
            ClientJsonContext.Default.ChatMessage, cancellationToken))!;

    /// <summary><c>chat.history</c>: up to <paramref name="limit"/> messages before <paramref name="beforeSequence"/> (or the newest), oldest first.</summary>
    public async Task<IReadOnlyList<ChatMessage>> HistoryAsync(string roomId, long? beforeSequence = null, int? limit = null, CancellationToken cancellationToken = default) =>
        await _client.CallAsync(TrpcMethod.Query, "chat.history",
            RealtimeClient.Serialize(new HistoryInput(roomId, beforeSequence, limit), ClientJsonContext.Default.HistoryInput),
            ClientJsonContext.Default.IReadOnlyListChatMessage, cancellationToken) ?? [];

    /// <summary><c>chat.edit</c>: replaces the text of one's own message.</summary>
    public async Task<ChatMessage> EditAsync(string roomId, long sequence, string text, CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Mutation, "chat.edit",
            RealtimeClient.Serialize(new EditInput(roomId, sequence, text), ClientJsonContext.Default.EditInput),
            ClientJsonContext.Default.ChatMessage, cancellationToken))!;

    /// <summary><c>chat.delete</c>: deletes one's own message (its place in the sequence stays).</summary>
    public async Task<ChatMessage> DeleteAsync(string roomId, long sequence, CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Mutation, "chat.delete",
            RealtimeClient.Serialize(new MessageInput(roomId, sequence), ClientJsonContext.Default.MessageInput),
            ClientJsonContext.Default.ChatMessage, cancellationToken))!;

    /// <summary><c>chat.search</c>: the room's messages containing <paramref name="query"/>.</summary>
    public async Task<IReadOnlyList<ChatMessage>> SearchAsync(string roomId, string query, CancellationToken cancellationToken = default) =>
        await _client.CallAsync(TrpcMethod.Query, "chat.search",
            RealtimeClient.Serialize(new SearchInput(roomId, query), ClientJsonContext.Default.SearchInput),
            ClientJsonContext.Default.IReadOnlyListChatMessage, cancellationToken) ?? [];

    /// <summary>
    /// <c>chat.onMessage</c>: the room's messages after <paramref name="afterSequence"/> (by default, after the newest
    /// one when called: every message posted from the call on), every one once and in order, across lost connections
    /// and server restarts (the client resumes after the last one it received). Ending the enumeration stops the
    /// subscription on the server.
    /// </summary>
    public IAsyncEnumerable<ChatMessage> OnMessageAsync(string roomId, long? afterSequence = null, CancellationToken cancellationToken = default) =>
        afterSequence is { } after ? Follow(roomId, after, cancellationToken) : FollowFromNewestAsync(roomId, cancellationToken);

    /// <summary>
    /// Follows from the newest message when the enumeration starts: from a known sequence rather than from "now", so
    /// that a connection lost before the first message resumes without a gap.
    /// </summary>
    private async IAsyncEnumerable<ChatMessage> FollowFromNewestAsync(string roomId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var newest = (await HistoryAsync(roomId, limit: 1, cancellationToken: cancellationToken)).LastOrDefault()?.Sequence ?? 0;
        await foreach (var message in Follow(roomId, newest, cancellationToken))
        {
            yield return message;
        }
    }

    private IAsyncEnumerable<ChatMessage> Follow(string roomId, long afterSequence, CancellationToken cancellationToken) => _client.Subscribe(
        "chat.onMessage",
        RealtimeClient.Serialize(new RoomIdInput(roomId), ClientJsonContext.Default.RoomIdInput),
        afterSequence.ToString(CultureInfo.InvariantCulture),
        new ChatMessageReader().Read,
        cancellationToken);
}
