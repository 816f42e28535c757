using RealtimeApp.Client;

namespace RealtimeApp.LoadBench;

/// <summary>The API's .NET client as the benchmark's connections use it.</summary>
public static class BenchClients
{
    public static RealtimeClient Create(Uri apiAddress, string token) => new(new RealtimeClientOptions
    {
        ServerUrl = new Uri($"ws://{apiAddress.Authority}/api/ws"),
        Token = token,
    });
}
