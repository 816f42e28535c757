using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Web.Features.Sessions;

/// <summary>
/// Everyone connected to this node, circuits and API connections alike: the dashboard's connection list, its
/// Disconnect action, and the end of every session of a locked user. API connections close with 4001
/// (<see cref="Realtime.ApiCloseCodes.ClosedByServer"/>) and a reason.
/// </summary>
public sealed class UserSessions(CircuitRegistry circuits, ApiConnectionRegistry apiConnections, IAuditLog audit)
{
    public const string DisconnectedReason = "disconnected by an administrator";
    public const string LockedReason = "account locked";

    public IReadOnlyList<LiveConnection> List()
    {
        var browser = circuits.Circuits.Select(c => new LiveConnection(
            c.Id, ConnectionKind.Circuit, c.UserId, c.UserName, c.RemoteAddress, c.ConnectedAt, c.SubscriptionCount, QueuedBytes: null));
        var api = apiConnections.Connections.Where(c => !c.IsClosing).Select(c => new LiveConnection(
            c.Id, ConnectionKind.Api, c.UserId, c.UserName, c.RemoteAddress, c.ConnectedAt, c.SubscriptionCount, c.QueuedBytes));
        return browser.Concat(api).OrderBy(c => c.ConnectedAt).ToList();
    }

    public bool IsOnline(string userId) =>
        circuits.IsOnline(userId) || apiConnections.Connections.Any(c => c.UserId == userId && !c.IsClosing);

    /// <summary>Ends one circuit or closes one API connection (administrators only), and audits it.</summary>
    public async Task<Result<LiveConnection>> DisconnectAsync(Actor actor, ConnectionKind kind, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        if (!actor.IsAdmin)
        {
            return Failure.Forbidden("Only administrators can disconnect people.");
        }

        var connection = List().FirstOrDefault(c => c.Kind == kind && c.Id == id);
        var ended = connection is not null && (kind == ConnectionKind.Circuit ? circuits.End(id) : apiConnections.Close(id, DisconnectedReason));
        if (!ended)
        {
            return Failure.NotFound("That connection has already ended.");
        }

        await audit.WriteAsync(actor, AuditActions.ConnectionDisconnected, $"{kind.ToString().ToLowerInvariant()}:{connection!.UserName ?? id}",
            before: new { connection.Id, Kind = kind.ToString(), connection.UserName, connection.RemoteAddress, connection.ConnectedAt }, after: null, cancellationToken);
        return connection;
    }

    /// <summary>Ends every circuit and closes every API connection of the user on this node; returns how many.</summary>
    public int EndAll(string userId, string reason) =>
        circuits.EndUserCircuits(userId) + apiConnections.CloseUserConnections(userId, reason);
}
