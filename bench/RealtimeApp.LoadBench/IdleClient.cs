using RealtimeApp.Client;

namespace RealtimeApp.LoadBench;

/// <summary>An idle API client: connected, answered one query (<c>rooms.list</c>), then silent but for keep-alive.</summary>
public sealed class IdleClient : ISubscriberConnection
{
    private readonly RealtimeClient _client;

    private IdleClient(RealtimeClient client) => _client = client;

    public bool ClosedByServer => _client.State.Phase != ConnectionPhase.Open;

    public static async Task<IdleClient> ConnectAsync(Uri apiAddress, string token, CancellationToken ct)
    {
        var client = BenchClients.Create(apiAddress, token);
        try
        {
            await client.Rooms.ListAsync(ct);
            return new IdleClient(client);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Nothing to read: the client answers the server's keep-alive by itself.</summary>
    public void StartReceiving(Action<long> onDelivery, CancellationToken ct)
    {
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
