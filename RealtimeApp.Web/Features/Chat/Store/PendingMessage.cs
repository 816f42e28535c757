namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>
/// A message shown at once to its sender while it is being stored; <see cref="Error"/> is set when that failed.
/// <see cref="ClientId"/> goes with the send (and with every retry of it) as <see cref="WireClientId"/>: the server stores
/// it at most once, and the stored message and its live echo carry it back.
/// </summary>
public sealed record PendingMessage(Guid ClientId, string RoomId, string Text, string? Error = null)
{
    public string WireClientId => ToWire(ClientId);

    /// <summary>The client id as the server takes it: 32 hex digits (<c>"N"</c>).</summary>
    public static string ToWire(Guid clientId) => clientId.ToString("N", System.Globalization.CultureInfo.InvariantCulture);
}
