namespace RealtimeApp.Client;

/// <summary>Where a <see cref="RealtimeClient"/>'s connection is.</summary>
public enum ConnectionPhase
{
    /// <summary>Opening the first connection.</summary>
    Connecting,

    /// <summary>Connected: requests and subscriptions flow.</summary>
    Open,

    /// <summary>Lost; waiting <see cref="ConnectionState.Delay"/> before attempt <see cref="ConnectionState.Attempt"/>.</summary>
    Reconnecting,

    /// <summary>For good: disposed, or refused for credentials that are no good (see <see cref="ConnectionState.Reason"/>).</summary>
    Closed,
}

/// <summary>A change of a client's connection, as <see cref="RealtimeClient.StateChanged"/> reports it.</summary>
/// <param name="Phase">The new phase.</param>
/// <param name="Attempt">While reconnecting: the attempt about to be made (1 for the first).</param>
/// <param name="Delay">While reconnecting: the wait before that attempt.</param>
/// <param name="CloseCode">The WebSocket close code that ended the last connection, if the server sent one.</param>
/// <param name="Reason">Why the last connection ended, or why the client closed.</param>
public sealed record ConnectionState(ConnectionPhase Phase, int Attempt = 0, TimeSpan Delay = default, int? CloseCode = null, string? Reason = null);
