using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>
/// The stored policies, loaded once and kept until a <see cref="RateLimitChanged"/> arrives from any node (or the
/// watcher sees the table change): then the next caller reloads, so a change applies within a request.
/// </summary>
public sealed class RateLimitPolicyCache : IDisposable
{
    private readonly IDbContextFactory<ApplicationDbContext> _contexts;
    private readonly IEventSubscription _changes;
    private readonly Lock _lock = new();
    private Task<RateLimitSnapshot>? _current;
    private long _version;

    public RateLimitPolicyCache(IDbContextFactory<ApplicationDbContext> contexts, EventHub hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        _contexts = contexts;
        _changes = hub.Subscribe<RateLimitChanged>(Topics.RateLimits, _ => Invalidate());
    }

    /// <summary>Raised after the policies were invalidated (another change may follow before the reload).</summary>
    public event Action? Invalidated;

    public ValueTask<RateLimitSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        if (current is { IsCompletedSuccessfully: true })
        {
            return ValueTask.FromResult(current.Result);
        }

        lock (_lock)
        {
            if (_current is null || _current.IsFaulted || _current.IsCanceled)
            {
                _current = LoadAsync(Interlocked.Increment(ref _version));
            }

            current = _current;
        }

        return new ValueTask<RateLimitSnapshot>(current.WaitAsync(cancellationToken));
    }

    /// <summary>Drops the loaded policies; the next <see cref="GetAsync"/> reads them again.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _current = null;
        }

        Invalidated?.Invoke();
    }

    public void Dispose() => _changes.Dispose();

    private async Task<RateLimitSnapshot> LoadAsync(long version)
    {
        await using var db = await _contexts.CreateDbContextAsync(CancellationToken.None);
        var rows = await db.Set<RateLimitPolicy>().AsNoTracking().ToListAsync(CancellationToken.None);
        var defaults = RateLimitDefaults.Seed;
        foreach (var row in rows.Where(r => r.Role is not null))
        {
            if (Enum.TryParse<RateLimitSource>(row.Role, out var role) && role != RateLimitSource.Override)
            {
                defaults = defaults.With(role, row.ToValues());
            }
        }

        var overrides = rows.Where(r => r.UserId is not null).ToFrozenDictionary(r => r.UserId!, r => r.ToValues(), StringComparer.Ordinal);
        return new RateLimitSnapshot(version, defaults, overrides);
    }
}
