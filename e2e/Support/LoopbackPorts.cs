using System.Net;
using System.Net.Sockets;

namespace RealtimeApp.E2E.Support;

internal static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 right now (the OS picks it), for a server the test starts.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
