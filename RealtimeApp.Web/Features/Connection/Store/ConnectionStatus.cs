namespace RealtimeApp.Web.Features.Connection.Store;

/// <summary>How the browser is connected to this circuit.</summary>
public enum ConnectionStatus
{
    Connected,
    Reconnecting,
    Offline,
}
