using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Connection.Store;

public static class ConnectionReducers
{
    [ReducerMethod]
    public static ConnectionState OnEstablished(ConnectionState state, ConnectionEstablished action) =>
        state with { Status = ConnectionStatus.Connected, Since = action.At };

    [ReducerMethod]
    public static ConnectionState OnLost(ConnectionState state, ConnectionLost action) =>
        state.Status == ConnectionStatus.Reconnecting
            ? state
            : state with { Status = ConnectionStatus.Reconnecting, Since = action.At };

    [ReducerMethod]
    public static ConnectionState OnRestored(ConnectionState state, ConnectionRestored action) =>
        state.Status == ConnectionStatus.Connected
            ? state
            : state with { Status = ConnectionStatus.Connected, Since = action.At, ReconnectCount = state.ReconnectCount + 1 };

    [ReducerMethod]
    public static ConnectionState OnClosed(ConnectionState state, ConnectionClosed action) =>
        state.Status == ConnectionStatus.Offline
            ? state
            : state with { Status = ConnectionStatus.Offline, Since = action.At };
}
