namespace RealtimeApp.Client;

/// <summary>
/// Exponential back-off with jitter: the delay before attempt <c>n</c> is <see cref="InitialDelay"/> × 2^(n−1), at most
/// <see cref="MaxDelay"/>, moved by up to ±<see cref="Jitter"/> of itself so that clients that lost the same server do
/// not all come back in the same instant.
/// </summary>
/// <param name="InitialDelay">The delay before the first attempt after a loss (1 s by default).</param>
/// <param name="MaxDelay">The longest delay (30 s by default).</param>
/// <param name="Jitter">The share of the delay added or taken away at random, 0 to 1 (0.2 by default).</param>
public sealed record ReconnectPolicy(TimeSpan InitialDelay, TimeSpan MaxDelay, double Jitter)
{
    /// <summary>1 s, doubling up to 30 s, ±20 %.</summary>
    public ReconnectPolicy()
        : this(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2)
    {
    }

    /// <summary>The delay before attempt <paramref name="attempt"/> (1 for the first), for a <paramref name="random"/> in [0, 1).</summary>
    public TimeSpan DelayBefore(int attempt, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);

        var doublings = Math.Min(attempt - 1, 30);
        var nominal = Math.Min(InitialDelay.TotalMilliseconds * Math.Pow(2, doublings), MaxDelay.TotalMilliseconds);
        var jittered = nominal * (1 - Jitter + (2 * Jitter * random));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxDelay.TotalMilliseconds));
    }
}
