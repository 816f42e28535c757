using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using RealtimeApp.Web.Realtime.Limits;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>
/// Every live API session of this node (singleton): <c>/api/ws</c> connections and <c>/api/trpc</c> SSE streams. Lists them, enforces
/// the connections-per-user limit, closes one or all of a user's connections (revocation, lockout, admin),
/// and sends the reconnect notification at shutdown.
/// </summary>
public sealed class ApiConnectionRegistry
{
    private readonly ConcurrentDictionary<string, IApiSession> _connections = new(StringComparer.Ordinal);
    private readonly Lock _userLock = new();
    private int _draining;
    private int _closing;
    private (WebSocketCloseStatus Status, string Description) _closeAllStatus;

    public int Count => _connections.Count;

    /// <summary>True once shutdown has closed every connection: new sockets would only be closed at once.</summary>
    public bool IsClosing => Volatile.Read(ref _closing) == 1;

    /// <summary>
    /// True from the start of shutdown (the drain): a new socket would only be told to move, so the upgrade is refused
    /// with 503 and the client reconnects to a node that stays (or to this one once it has restarted).
    /// </summary>
    public bool RefusesNewSockets => Volatile.Read(ref _draining) == 1 || IsClosing;

    public IReadOnlyList<ApiConnectionInfo> Connections =>
        _connections.Values.Select(c => c.Describe()).OrderBy(c => c.ConnectedAt).ToList();

    /// <summary>Closes one connection with 4001 and <paramref name="reason"/>; false when it is not open here.</summary>
    public bool Close(string connectionId, string reason)
    {
        if (!_connections.TryGetValue(connectionId, out var connection))
        {
            return false;
        }

        connection.RequestClose(ApiCloseCodes.ClosedByServer, reason, discardPending: false);
        return true;
    }

    /// <summary>Closes every connection of the user with 4001 and <paramref name="reason"/>; returns how many.</summary>
    public int CloseUserConnections(string userId, string reason)
    {
        var matches = _connections.Values.Where(c => c.UserId == userId).ToList();
        foreach (var connection in matches)
        {
            connection.RequestClose(ApiCloseCodes.ClosedByServer, reason, discardPending: false);
        }

        return matches.Count;
    }

    /// <summary>
    /// Closes with 4001 and <paramref name="reason"/> every authenticated connection whose principal matches
    /// <paramref name="predicate"/> (for example one API token's connections); returns how many.
    /// </summary>
    public int CloseWhere(Func<ClaimsPrincipal, bool> predicate, string reason)
    {
        ArgumentNullException.ThrowIfNull(predicate);

        var matches = _connections.Values.Where(c => c.User is { } user && predicate(user)).ToList();
        foreach (var connection in matches)
        {
            connection.RequestClose(ApiCloseCodes.ClosedByServer, reason, discardPending: false);
        }

        return matches.Count;
    }

    /// <summary>The principals of the authenticated connections open now (one entry per connection).</summary>
    public IReadOnlyList<ClaimsPrincipal> AuthenticatedUsers =>
        _connections.Values.Select(c => c.User).OfType<ClaimsPrincipal>().ToList();

    /// <summary>Sends <c>{"id":null,"method":"reconnect"}</c> once to every open connection, and to any that opens from now on.</summary>
    public void BroadcastReconnect()
    {
        if (Interlocked.Exchange(ref _draining, 1) == 1)
        {
            return;
        }

        foreach (var connection in _connections.Values)
        {
            connection.SendReconnect();
        }
    }

    /// <summary>
    /// Closes every connection once the calls it runs have answered (bounded by <c>Api:CloseTimeoutSeconds</c>), and any
    /// that opens from now on (a client reconnecting to a node that is stopping would otherwise hold the shutdown up), and
    /// waits until they have ended or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task CloseAllAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken)
    {
        _closeAllStatus = (status, description);
        // Every open connection stops taking requests before IsClosing says so; one that joins meanwhile is finished
        // by Add once _closing is set, or by the second pass (FinishAndClose does its work once).
        foreach (var connection in _connections.Values)
        {
            connection.FinishAndClose(status, description);
        }

        Interlocked.Exchange(ref _closing, 1);
        foreach (var connection in _connections.Values)
        {
            connection.FinishAndClose(status, description);
        }

        // Connections that open meanwhile are closed by Add; wait for them too (an ended one leaves the dictionary first).
        while (!_connections.IsEmpty)
        {
            await Task.WhenAll(_connections.Values.Select(c => c.Completion)).WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until every connection open now has ended, or <paramref name="timeout"/> has passed.</summary>
    public async Task WaitForAllToEndAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_connections.Values.Select(c => c.Completion)).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Some clients stayed; the caller closes them.
        }
    }

    internal void Add(IApiSession connection)
    {
        _connections[connection.Id] = connection;
        if (Volatile.Read(ref _closing) == 1)
        {
            connection.FinishAndClose(_closeAllStatus.Status, _closeAllStatus.Description);
        }
        else if (Volatile.Read(ref _draining) == 1)
        {
            connection.SendReconnect();
        }
    }

    /// <summary>
    /// Counts <paramref name="session"/> (already added) against its user's connection limit: null when it fits,
    /// otherwise the TOO_MANY_REQUESTS error to answer with, the refusal recorded.
    /// </summary>
    internal async ValueTask<TrpcError?> AdmitAsync(IApiSession session, ClaimsPrincipal user, IApiUserLimits limits, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "anonymous";
        var max = (await limits.GetAsync(user, cancellationToken)).ConnectionsPerUser;
        lock (_userLock)
        {
            if (_connections.Values.Count(c => c.UserId == userId) < max)
            {
                session.UserId = userId;
                return null;
            }
        }

        limits.RecordRefusal(user, ApiLimit.Connections);
        return new TrpcError(TrpcErrorCode.TooManyRequests, $"Too many connections for this user (max {max})");
    }

    internal void Remove(IApiSession connection) => _connections.TryRemove(connection.Id, out _);
}
