using System.Net.WebSockets;
using RealtimeApp.Web.Realtime.Logging;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>How the connection ended (who closed it, the code and the reason), for its last log line.</summary>
internal sealed partial class ApiConnection
{
    // The WebSocket code for a connection that ended without a close handshake; never sent, only reported.
    private const WebSocketCloseStatus Lost = (WebSocketCloseStatus)1006;

    // The first close (requested, received or lost) wins.
    private CloseNote? _closeNote;

    private void Close(string closedBy, WebSocketCloseStatus status, string? description, bool discardPending)
    {
        if (_writer.Close(status, description, discardPending))
        {
            NoteClose(closedBy, status, description);
            _ = AbortUnlessClosedAsync();
        }
    }

    /// <summary>Ends a connection that cannot close cleanly (no close handshake): the peer is gone or does not answer.</summary>
    private void Lose(string reason)
    {
        NoteClose("network", Lost, reason);
        Abort();
    }

    private void NoteClose(string closedBy, WebSocketCloseStatus status, string? reason) =>
        Interlocked.CompareExchange(ref _closeNote, new CloseNote(closedBy, status, reason), null);

    private void LogClosed()
    {
        var note = _closeNote ?? new CloseNote("server", WebSocketCloseStatus.NormalClosure, null);
        ApiConnectionLog.Closed(_logger, note.ClosedBy, note.Status, note.Reason, _time.GetUtcNow() - ConnectedAt);
    }

    private sealed record CloseNote(string ClosedBy, WebSocketCloseStatus? Status, string? Reason);
}
