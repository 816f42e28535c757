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
    /// <c>chat.onMessage</c> with a handler: calls <paramref name="onMessage"/> with each of the room's messages after
    /// <paramref name="afterSequence"/> (by default, after the newest one when called), every one once and in order,
    /// across lost connections and server restarts, until <paramref name="cancellationToken"/> is cancelled (the task
    /// then throws <see cref="OperationCanceledException"/>) or the subscription ends: normally when the server stops
    /// it, or with its error (an exception thrown by the handler ends it too, and the task throws that).
    /// The handler runs on the client's receive loop, one message at a time, and the connection's next frame waits for
    /// it: keep it short and hand longer work off. It costs less per message than the enumerable
    /// <see cref="OnMessageAsync(string, long?, CancellationToken)"/>, which queues each message for its reader.
    /// </summary>
    public async Task OnMessageAsync(string roomId, Action<ChatMessage> onMessage, long? afterSequence = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        var after = afterSequence ?? await NewestSequenceAsync(roomId, cancellationToken);
        await _client.Follow("chat.onMessage", Input(roomId), Sequence(after), new ChatMessageReader().Read, onMessage, cancellationToken);
    }

    /// <summary>
    /// Follows from the newest message when the enumeration starts: from a known sequence rather than from "now", so
    /// that a connection lost before the first message resumes without a gap.
    /// </summary>
    private async IAsyncEnumerable<ChatMessage> FollowFromNewestAsync(string roomId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var newest = await NewestSequenceAsync(roomId, cancellationToken);
        await foreach (var message in Follow(roomId, newest, cancellationToken))
        {
            yield return message;
        }
    }

    private IAsyncEnumerable<ChatMessage> Follow(string roomId, long afterSequence, CancellationToken cancellationToken) =>
        _client.Subscribe("chat.onMessage", Input(roomId), Sequence(afterSequence), new ChatMessageReader().Read, cancellationToken);

    private async Task<long> NewestSequenceAsync(string roomId, CancellationToken cancellationToken) =>
        (await HistoryAsync(roomId, limit: 1, cancellationToken: cancellationToken)).LastOrDefault()?.Sequence ?? 0;

    private static ReadOnlyMemory<byte>? Input(string roomId) => RealtimeClient.Serialize(new RoomIdInput(roomId), ClientJsonContext.Default.RoomIdInput);

    private static string Sequence(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
