namespace RealtimeApp.Domain.Realtime;

/// <summary>Hub-wide callbacks, typically wired to an <c>ILogger</c> by the web host.</summary>
public sealed record EventHubOptions
{
    /// <summary>No callbacks.</summary>
    public static EventHubOptions Default { get; } = new();

    /// <summary>
    /// Called when any handler throws (besides the subscription's own <see cref="EventSubscriptionOptions.OnError"/>).
    /// Runs on the delivering thread; keep it short.
    /// </summary>
    public Action<IEventSubscription, Exception>? OnHandlerError { get; init; }

    /// <summary>Called when the backplane fails to carry an event published with <see cref="EventHub.Publish{TEvent}"/>.</summary>
    public Action<Exception>? OnBackplaneError { get; init; }
}
