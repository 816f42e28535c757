namespace RealtimeApp.LoadBench;

/// <summary>The load generator's HTTP client: keep-alive connections without a per-server cap, as many clients would hold.</summary>
public static class Http
{
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    { Timeout = Timeout.InfiniteTimeSpan };
}
