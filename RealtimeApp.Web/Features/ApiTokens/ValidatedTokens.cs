using System.Collections.Concurrent;
using System.Security.Claims;

namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>
/// Tokens validated moments ago, by the hash of their secret, so a client that authenticates on every HTTP request
/// costs a database look-up once per <see cref="ApiTokenOptions.SweepSeconds"/> instead. An entry never outlives its
/// token's expiry (nor the moment its last use is due to be recorded again); a revocation, on this node or another
/// (<see cref="ApiTokenRevocations"/>), forgets every entry at once; a lockout, or a revocation made straight in the
/// database, takes effect within the same interval as the sweeper's closing of open connections. Refusals are never kept.
/// </summary>
internal sealed class ValidatedTokens(TimeProvider time)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ClaimsPrincipal? Find(byte[] hash) =>
        _entries.TryGetValue(Convert.ToBase64String(hash), out var entry) && entry.ValidUntil > time.GetUtcNow() ? entry.Principal : null;

    /// <summary>Keeps <paramref name="principal"/> for the token with <paramref name="hash"/> until <paramref name="until"/>.</summary>
    public void Remember(byte[] hash, ClaimsPrincipal principal, DateTimeOffset until)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[Convert.ToBase64String(hash)] = new Entry(principal, until);
    }

    public void Clear() => _entries.Clear();

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ValidUntil);
}
