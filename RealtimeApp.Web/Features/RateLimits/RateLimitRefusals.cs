using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>
/// Counts refusals: the counter <c>realtimeapp.ratelimit.refused</c> (tags <c>limit</c> and <c>policy</c>) on the
/// <c>RealtimeApp</c> meter, and per user in memory on this node for the dashboard's top list.
/// </summary>
public sealed class RateLimitRefusals : IInstrumentBaseline
{
    public const string CounterName = "realtimeapp.ratelimit.refused";

    private readonly Counter<long> _refused;
    private readonly ConcurrentDictionary<string, UserRefusals> _byUser = new(StringComparer.Ordinal);

    public RateLimitRefusals(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _refused = meterFactory.Create(RealtimeMetrics.MeterName)
            .CreateCounter<long>(CounterName, "{refusal}", "Actions refused by a user's rate limit, by limit and by the policy that set it.");
    }

    /// <summary>A zero for every limit and policy pair.</summary>
    public void RecordZeros()
    {
        foreach (var limit in Enum.GetValues<RateLimitKind>())
        {
            foreach (var policy in Enum.GetValues<RateLimitSource>())
            {
                _refused.Add(0, new KeyValuePair<string, object?>("limit", TagOf(limit)), new KeyValuePair<string, object?>("policy", policy.ToString()));
            }
        }
    }

    public void Record(string userId, string userName, RateLimitKind limit, RateLimitSource policy)
    {
        _refused.Add(1, new KeyValuePair<string, object?>("limit", TagOf(limit)), new KeyValuePair<string, object?>("policy", policy.ToString()));
        var counts = _byUser.GetOrAdd(userId, static _ => new UserRefusals());
        counts.Name = userName;
        Interlocked.Increment(ref counts.ByLimit[(int)limit]);
    }

    /// <summary>The <paramref name="count"/> users refused most often, most first.</summary>
    public IReadOnlyList<RefusalCount> Top(int count) =>
        _byUser.Select(pair => pair.Value.Snapshot(pair.Key))
            .OrderByDescending(c => c.Total)
            .ThenBy(c => c.UserName, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    /// <summary>One user's counts (zeros when never refused).</summary>
    public RefusalCount For(string userId) =>
        _byUser.TryGetValue(userId, out var counts) ? counts.Snapshot(userId) : new RefusalCount(userId, userId, 0, 0, 0, 0);

    public static string TagOf(RateLimitKind limit) => limit switch
    {
        RateLimitKind.Messages => "messages",
        RateLimitKind.Requests => "requests",
        RateLimitKind.Subscriptions => "subscriptions",
        RateLimitKind.Connections => "connections",
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "Unknown limit."),
    };

    private sealed class UserRefusals
    {
        public readonly long[] ByLimit = new long[4];

        public volatile string Name = string.Empty;

        public RefusalCount Snapshot(string userId) => new(
            userId,
            Name,
            Interlocked.Read(ref ByLimit[0]),
            Interlocked.Read(ref ByLimit[1]),
            Interlocked.Read(ref ByLimit[2]),
            Interlocked.Read(ref ByLimit[3]));
    }
}
