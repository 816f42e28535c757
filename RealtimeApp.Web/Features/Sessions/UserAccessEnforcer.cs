using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Sessions;

/// <summary>
/// Applies <see cref="UserAccessChanged"/> on this node, wherever the change was made: a lock refuses the user from now
/// on and ends their circuits and API connections; a role change ends them too, so they come back with the new roles;
/// an unlock lets the user in again.
/// </summary>
public sealed class UserAccessEnforcer(EventHub hub, LockedUsers locked, UserSessions sessions, ILogger<UserAccessEnforcer> logger) : IHostedService, IDisposable
{
    public const string RolesChangedReason = "roles changed";

    private IEventSubscription? _changes;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _changes = hub.SubscribeAll<UserAccessChanged>(Apply);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _changes?.Dispose();
        _changes = null;
    }

    private void Apply(UserAccessChanged change)
    {
        switch (change.Change)
        {
            case UserAccessChange.Locked:
                locked.Add(change.UserId);
                End(change.UserId, UserSessions.LockedReason);
                break;
            case UserAccessChange.RolesChanged:
                End(change.UserId, RolesChangedReason);
                break;
            case UserAccessChange.Unlocked:
                locked.Remove(change.UserId);
                break;
        }
    }

    private void End(string userId, string reason)
    {
        var ended = sessions.EndAll(userId, reason);
        if (ended > 0)
        {
            logger.LogInformation("Ended {Count} sessions of {UserId} on this node: {Reason}", ended, userId, reason);
        }
    }
}
