using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Rooms.Presence;

/// <summary>
/// Every <see cref="Interval"/>: this node's presence to the others, and the nodes gone silent dropped. At once, too,
/// when the link to the other nodes comes back (they may have dropped this node meanwhile).
/// </summary>
public sealed class PresenceHeartbeat(PresenceTracker tracker, EventHub hub, TimeProvider time) : BackgroundService
{
    /// <summary>A quarter of <see cref="PresenceTracker.NodeTimeout"/>: a dead node leaves its rooms 20 to 25 s after its last heartbeat.</summary>
    public static readonly TimeSpan Interval = PresenceTracker.NodeTimeout / 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var resumed = hub.Subscribe<BackplaneResumed>(Topics.Backplane, _ => tracker.PublishHeartbeat());
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            tracker.PublishHeartbeat();
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                tracker.PublishHeartbeat();
                tracker.DropSilentNodes();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
