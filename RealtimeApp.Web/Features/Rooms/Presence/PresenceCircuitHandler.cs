using Microsoft.AspNetCore.Components.Server.Circuits;

namespace RealtimeApp.Web.Features.Rooms.Presence;

/// <summary>
/// Presence follows the circuit's connection, not only its lifetime: a closed tab or a lost network drops the user at
/// once instead of when the disconnected circuit is finally discarded minutes later.
/// </summary>
public sealed class PresenceCircuitHandler(CircuitPresence presence) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.Suspend();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.Resume();
        return Task.CompletedTask;
    }
}
