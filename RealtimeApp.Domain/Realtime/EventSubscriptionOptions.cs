namespace RealtimeApp.Domain.Realtime;

/// <summary>Per-subscription settings. The queue settings apply to asynchronous handlers only.</summary>
public sealed record EventSubscriptionOptions
{
    /// <summary>The queue capacity when none is given.</summary>
    public const int DefaultCapacity = 1024;

    /// <summary>Defaults: capacity 1024, <see cref="OverflowPolicy.DropOldest"/>, no callbacks.</summary>
    public static EventSubscriptionOptions Default { get; } = new();

    /// <summary>How many events an asynchronous handler may have queued before <see cref="Overflow"/> applies.</summary>
    public int Capacity { get; init; } = DefaultCapacity;

    /// <summary>What happens when the queue of an asynchronous handler is full.</summary>
    public OverflowPolicy Overflow { get; init; } = OverflowPolicy.DropOldest;

    /// <summary>
    /// Called with the exception when the handler throws; the subscription stays alive. For a synchronous handler
    /// it runs inline on the publishing thread, so keep it short and non-throwing.
    /// </summary>
    public Action<Exception>? OnError { get; init; }

    /// <summary>Called on the thread pool when the subscription faults on overflow (<see cref="OverflowPolicy.Fault"/>).</summary>
    public Action<IEventSubscription>? OnFaulted { get; init; }

    internal void Validate() => ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1, nameof(Capacity));
}
