using RealtimeApp.Client;

namespace RealtimeApp.LoadBench;

/// <summary>
/// One subscriber as a C# script holds it: a <see cref="RealtimeClient"/> following one room's <c>chat.onMessage</c>
/// from its first message (the run's rooms are new), so nothing posted before the server registered the subscription
/// is missed.
/// </summary>
public sealed class ClientSubscriber : ISubscriberConnection
{
    private readonly RealtimeClient _client;
    private readonly string _roomId;
    private Task _receiving = Task.CompletedTask;

    private ClientSubscriber(RealtimeClient client, string roomId)
    {
        _client = client;
        _roomId = roomId;
    }

    public bool ClosedByServer { get; private set; }

    /// <summary>Connects and waits until the connection is open.</summary>
    public static async Task<ClientSubscriber> ConnectAsync(Uri apiAddress, string token, string roomId, CancellationToken ct)
    {
        var client = BenchClients.Create(apiAddress, token);
        try
        {
            await client.WaitUntilOpenAsync(ct);
            return new ClientSubscriber(client, roomId);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public void StartReceiving(Action<long> onDelivery, CancellationToken ct)
    {
        _client.StateChanged += (_, state) => ClosedByServer |= state.Phase != ConnectionPhase.Open && !ct.IsCancellationRequested;
        _receiving = ReceiveAsync(onDelivery, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ReceiveAsync(Action<long> onDelivery, CancellationToken ct)
    {
        try
        {
            await foreach (var message in _client.Chat.OnMessageAsync(_roomId, afterSequence: 0, ct))
            {
                if (FrameText.TryReadTimestamp(message.Text, out var sent))
                {
                    onDelivery(sent);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or RealtimeConnectionException && ct.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
