namespace RealtimeApp.LoadBench;

/// <summary>
/// The subscribers of a fan-out run on one node: how many follow each room, what they received in all, and their
/// publish→receive latencies while measuring.
/// </summary>
public sealed class NodeSubscribers(string name, AppProcess app, int rooms)
{
    private readonly List<ISubscriberConnection> _connections = [];
    private readonly int[] _perRoom = new int[rooms];
    private LatencyHistogram? _measuring;
    private long _delivered;

    public string Name => name;

    public AppProcess App => app;

    public int Count => _connections.Count;

    public long Delivered => Interlocked.Read(ref _delivered);

    public int ClosedByServer => _connections.Count(connection => connection.ClosedByServer);

    /// <summary>Counts <paramref name="connection"/> as following room <paramref name="room"/> and starts reading it.</summary>
    public void Add(ISubscriberConnection connection, int room, CancellationToken ct)
    {
        _connections.Add(connection);
        _perRoom[room]++;
        connection.StartReceiving(OnDelivery, ct);
    }

    /// <summary>What these subscribers should receive once every message acknowledged per room has reached them.</summary>
    public long Expected(IReadOnlyList<long> acknowledgedPerRoom) => _perRoom.Select((followers, room) => followers * acknowledgedPerRoom[room]).Sum();

    public void StartMeasuring() => Volatile.Write(ref _measuring, new LatencyHistogram());

    public LatencyHistogram StopMeasuring() => Interlocked.Exchange(ref _measuring, null) ?? new LatencyHistogram();

    private void OnDelivery(long sent)
    {
        Interlocked.Increment(ref _delivered);
        Volatile.Read(ref _measuring)?.Record(sent);
    }
}
