using RealtimeApp.Domain.Chat;

namespace RealtimeApp.Web.Features.Chat.Persistence;

/// <summary>
/// Splits a batch into the messages to insert (<see cref="Fresh"/>) and the retries: a message whose author already used
/// its client id, in a stored message or earlier in the same batch, gets that message and takes no sequence number
/// (subscribers read a gap in a room's sequence as missed messages).
/// </summary>
internal sealed class BatchRetries
{
    private readonly IReadOnlyList<NewMessage> _batch;
    private readonly IReadOnlyDictionary<(string AuthorId, string ClientId), ChatMessage> _stored;
    private readonly int[] _freshIndex;

    /// <param name="batch">The batch, in order.</param>
    /// <param name="stored">The messages already stored under the batch's (author, client id) pairs (<see cref="SentMessages"/>).</param>
    public BatchRetries(IReadOnlyList<NewMessage> batch, IReadOnlyDictionary<(string AuthorId, string ClientId), ChatMessage> stored)
    {
        _batch = batch;
        _stored = stored;
        _freshIndex = new int[batch.Count];
        var firstInBatch = new Dictionary<(string, string), int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            if (message.ClientId is { } clientId)
            {
                var key = (message.AuthorId, clientId);
                if (stored.ContainsKey(key))
                {
                    _freshIndex[i] = -1;
                    continue;
                }

                if (firstInBatch.TryGetValue(key, out var first))
                {
                    _freshIndex[i] = first;
                    continue;
                }

                firstInBatch[key] = Fresh.Count;
            }

            _freshIndex[i] = Fresh.Count;
            Fresh.Add(message);
        }
    }

    /// <summary>The messages to insert, in batch order.</summary>
    public List<NewMessage> Fresh { get; } = [];

    /// <summary>The batch's outcome once <see cref="Fresh"/> is stored as <paramref name="inserted"/> (same order).</summary>
    public StoredBatch Complete(IReadOnlyList<ChatMessage> inserted)
    {
        var messages = new ChatMessage[_batch.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = _freshIndex[i] >= 0 ? inserted[_freshIndex[i]] : _stored[(_batch[i].AuthorId, _batch[i].ClientId!)];
        }

        return new StoredBatch(messages, inserted);
    }
}
