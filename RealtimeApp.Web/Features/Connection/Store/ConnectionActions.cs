namespace RealtimeApp.Web.Features.Connection.Store;

/// <summary>The circuit's first connection came up.</summary>
public sealed record ConnectionEstablished(DateTimeOffset At);

/// <summary>The connection dropped; the browser is trying to reconnect.</summary>
public sealed record ConnectionLost(DateTimeOffset At);

/// <summary>The browser reconnected to the same circuit.</summary>
public sealed record ConnectionRestored(DateTimeOffset At);

/// <summary>The circuit ended; nothing will reconnect to it.</summary>
public sealed record ConnectionClosed(DateTimeOffset At);
