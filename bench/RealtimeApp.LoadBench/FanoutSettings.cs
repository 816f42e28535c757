namespace RealtimeApp.LoadBench;

/// <summary>
/// A fan-out run; <see cref="Transport"/> is how subscribers connect: <c>ws</c> (<c>/api/ws</c>) or <c>sse</c> (<c>/api/trpc</c>);
/// <see cref="Client"/> is what a WebSocket subscriber is: <c>library</c> (<see cref="ClientSubscriber"/>, RealtimeApp.Client
/// with a handler), <c>enumerable</c> (the same, its <see cref="IAsyncEnumerable{T}"/>) or <c>socket</c>
/// (<see cref="SocketSubscriber"/>, the raw-socket reference).
/// Without <see cref="Cluster"/>, one node on its own SQLite file; with it, its nodes on PostgreSQL and Redis.
/// </summary>
public sealed record FanoutSettings(
    int Connections, int Rooms, int DeliveriesPerSecond, int Publishers, int WarmupSeconds, int Seconds, string Transport = "ws", ClusterSettings? Cluster = null, string Client = "library");
