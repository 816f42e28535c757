using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace RealtimeApp.Web.Components.Account.SignInLimits;

/// <summary>
/// Counts failed sign-ins per client address across all accounts (credential stuffing) and refuses further attempts
/// from an address once <see cref="SignInLimitOptions.FailuresPerAddress"/> failures fall within the last
/// <see cref="SignInLimitOptions.FailureWindowMinutes"/> minutes. The address is the connection's
/// (<c>HttpContext.Connection.RemoteIpAddress</c>), which only ASP.NET Core's forwarded-headers middleware rewrites,
/// so a client's own <c>X-Forwarded-For</c> changes nothing unless the operator configured that middleware.
/// </summary>
/// <remarks>
/// Why not ASP.NET Core's rate-limiting middleware or a <c>System.Threading.RateLimiting</c> limiter: both take a
/// permit before the endpoint runs and never give one back, so every attempt would count, successful ones included;
/// and checking for a free permit without taking one lets concurrent attempts all pass the check. Here an attempt
/// reserves a place (so attempts in flight count against the budget), then a failure keeps it as a timestamp and a
/// success or an attempt that never got to the password hands it back. The window slides (each failure expires on its
/// own after the window), so the Retry-After given is exact. IPv6 clients are counted per /64, the block one
/// subscriber usually holds, so rotating addresses inside it does not buy a new budget. Per node, in memory.
/// </remarks>
public sealed class SignInFailureLimiter(SignInLimitOptions options, TimeProvider time)
{
    private readonly Dictionary<string, Partition> _partitions = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _nextSweep = time.GetUtcNow() + options.FailureWindow;

    /// <summary>Addresses (or IPv6 /64 blocks) with failures still in the window or attempts in flight.</summary>
    public int TrackedPartitions
    {
        get
        {
            lock (_gate)
            {
                return _partitions.Count;
            }
        }
    }

    /// <summary>
    /// Reserves room for one failure from <paramref name="address"/>: true with the <paramref name="attempt"/> to
    /// complete, or false with the <paramref name="refusal"/>: how long until the address may try again.
    /// </summary>
    public bool TryBegin(IPAddress? address, [NotNullWhen(true)] out SignInAttempt? attempt, out SignInRefusal refusal)
    {
        refusal = default;
        var key = PartitionKey(address);
        if (!options.IsEnabled)
        {
            attempt = new SignInAttempt(this, key);
            return true;
        }

        lock (_gate)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            if (!_partitions.TryGetValue(key, out var partition))
            {
                partition = new Partition();
                _partitions[key] = partition;
            }

            partition.Expire(now - options.FailureWindow);
            var excess = partition.Failures.Count + partition.InFlight - options.FailuresPerAddress;
            if (excess >= 0)
            {
                // The failure whose expiry makes room; none when only attempts in flight fill the budget.
                var retryAfter = excess < partition.Failures.Count
                    ? partition.Failures[excess] + options.FailureWindow - now
                    : TimeSpan.FromSeconds(1);
                retryAfter = retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter;
                var first = now >= partition.RefusedUntil;
                if (first)
                {
                    partition.RefusedUntil = now + retryAfter;
                }

                refusal = new SignInRefusal(retryAfter, first);
                attempt = null;
                return false;
            }

            partition.InFlight++;
            attempt = new SignInAttempt(this, key);
            return true;
        }
    }

    /// <summary>The partition an address counts in: IPv4 (or IPv4-mapped IPv6) as is, IPv6 by its /64, none as <c>unknown</c>.</summary>
    public static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    internal void Complete(string key, bool failed)
    {
        if (!options.IsEnabled)
        {
            return;
        }

        lock (_gate)
        {
            if (!_partitions.TryGetValue(key, out var partition))
            {
                return;
            }

            partition.InFlight--;
            if (failed)
            {
                partition.Failures.Add(time.GetUtcNow());
            }
            else if (partition.InFlight == 0 && partition.Failures.Count == 0)
            {
                _partitions.Remove(key);
            }
        }
    }

    // At most once a window: forget addresses whose failures have all expired and that have nothing in flight.
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + options.FailureWindow;
        var cutoff = now - options.FailureWindow;
        foreach (var (key, partition) in _partitions)
        {
            partition.Expire(cutoff);
            if (partition.InFlight == 0 && partition.Failures.Count == 0)
            {
                _partitions.Remove(key);
            }
        }
    }

    private sealed class Partition
    {
        /// <summary>Times of the failures still in the window, oldest first (never more than the limit).</summary>
        public List<DateTimeOffset> Failures { get; } = [];

        public int InFlight { get; set; }

        /// <summary>Until when the last first refusal said to wait: refusals before then are not first.</summary>
        public DateTimeOffset RefusedUntil { get; set; } = DateTimeOffset.MinValue;

        public void Expire(DateTimeOffset cutoff)
        {
            var expired = 0;
            while (expired < Failures.Count && Failures[expired] <= cutoff)
            {
                expired++;
            }

            Failures.RemoveRange(0, expired);
        }
    }
}
