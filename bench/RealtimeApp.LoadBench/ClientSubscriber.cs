using RealtimeApp.Client;
using RealtimeApp.Client.Api;

namespace RealtimeApp.LoadBench;

/// <summary>
/// One subscriber as a C# script holds it: a <see cref="RealtimeClient"/> following one room's <c>chat.onMessage</c>
/// from its first message (the run's rooms are new), so nothing posted before the server registered the subscription
/// is missed; with a handler (<c>--client library</c>) or as an <see cref="IAsyncEnumerable{T}"/> (<c>--client enumerable</c>).
/// </summary>
public sealed class ClientSubscriber : ISubscriberConnection
{
    private readonly RealtimeClient _client;
    private readonly string _roomId;
    private readonly bool _enumerable;
    private Task _receiving = Task.CompletedTask;

    private ClientSubscriber(RealtimeClient client, string roomId, bool enumerable)
    {
        _client = client;
        _roomId = roomId;
        _enumerable = enumerable;
    }

    public bool ClosedByServer { get; private set; }

    /// <summary>Connects and waits until the connection is open.</summary>
    public static async Task<ClientSubscriber> ConnectAsync(Uri apiAddress, string token, string roomId, bool enumerable, CancellationToken ct)
    {
        var client = BenchClients.Create(apiAddress, token);
        try
        {
            await client.WaitUntilOpenAsync(ct);
            return new ClientSubscriber(client, roomId, enumerable);
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
            if (!_enumerable)
            {
                await _client.Chat.OnMessageAsync(_roomId, message => Deliver(message, onDelivery), afterSequence: 0, ct);
                return;
            }

            await foreach (var message in _client.Chat.OnMessageAsync(_roomId, afterSequence: 0, ct))
            {
                Deliver(message, onDelivery);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or RealtimeConnectionException && ct.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private static void Deliver(ChatMessage message, Action<long> onDelivery)
    {
        if (FrameText.TryReadTimestamp(message.Text, out var sent))
        {
            onDelivery(sent);
        }
    }
}
