using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Chat.Persistence;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// Lets a test lose a send's answer on purpose: once a batch holding a message whose client id starts with
/// <see cref="Prefix"/> is committed, the writer waits (before it publishes or answers) until <see cref="Release"/>,
/// so the test can drop the sender's connection in between: the message is stored and its sender never hears so.
/// </summary>
public sealed class HeldAnswers
{
    public const string Prefix = "held-";

    private readonly TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a held message is committed.</summary>
    public Task Stored => _stored.Task;

    public void Release() => _released.TrySetResult();

    /// <summary>Wraps the app's <see cref="IMessageStore"/> (registered by the chat feature) with the hold.</summary>
    public void Register(IServiceCollection services)
    {
        var original = services.Last(service => service.ServiceType == typeof(IMessageStore));
        services.Remove(original);
        services.AddSingleton<IMessageStore>(provider => new HoldingStore((IMessageStore)original.ImplementationFactory!(provider), this));
    }

    internal async Task HoldAsync(StoredBatch stored)
    {
        if (stored.Added.Any(message => message.ClientId?.StartsWith(Prefix, StringComparison.Ordinal) == true))
        {
            _stored.TrySetResult();
            await _released.Task;
        }
    }

    private sealed class HoldingStore(IMessageStore inner, HeldAnswers hold) : IMessageStore
    {
        public async Task<IMessageStoreSession> OpenSessionAsync(CancellationToken cancellationToken) =>
            new HoldingSession(await inner.OpenSessionAsync(cancellationToken), hold);
    }

    private sealed class HoldingSession(IMessageStoreSession inner, HeldAnswers hold) : IMessageStoreSession
    {
        public async Task<StoredBatch> StoreAsync(IReadOnlyList<NewMessage> batch, DateTimeOffset now)
        {
            var stored = await inner.StoreAsync(batch, now);
            await hold.HoldAsync(stored);
            return stored;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
