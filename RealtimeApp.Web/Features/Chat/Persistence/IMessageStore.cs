namespace RealtimeApp.Web.Features.Chat.Persistence;

/// <summary>
/// Where the group-commit writer stores new messages: one implementation per database engine, the same contract
/// (checked by the same tests on each).
/// </summary>
public interface IMessageStore
{
    /// <summary>Opens a connection the writer keeps for its batches (prepared statements live as long as it does).</summary>
    Task<IMessageStoreSession> OpenSessionAsync(CancellationToken cancellationToken);
}

/// <summary>The writer's open connection.</summary>
public interface IMessageStoreSession : IAsyncDisposable
{
    /// <summary>
    /// In one transaction: takes each room's next sequence numbers (gap-free and unique, even with several writers on
    /// several nodes) and inserts the batch, except retries: a message whose author already used its client id (in a
    /// committed message, on any node, or earlier in the batch) inserts nothing, takes no number and gets that message.
    /// Stores nothing and throws when a room does not exist or the database fails.
    /// </summary>
    Task<StoredBatch> StoreAsync(IReadOnlyList<NewMessage> batch, DateTimeOffset now);
}
