namespace RealtimeApp.LoadBench;

/// <summary>
/// A subscriber on a raw socket (<see cref="ApiSocket"/>) that reads each message's timestamp straight from the
/// frame's bytes, without parsing its JSON (<c>--client socket</c>): the reference RealtimeApp.Client's cost per
/// delivery is measured against (docs/benchmarks.md, "The generator's client").
/// </summary>
public sealed class SocketSubscriber : ISubscriberConnection
{
    private readonly ApiSocket _socket;

    private SocketSubscriber(ApiSocket socket) => _socket = socket;

    public bool ClosedByServer => _socket.ClosedByServer;

    /// <summary>Connects and subscribes to <paramref name="roomId"/>'s <c>chat.onMessage</c>, waiting for <c>started</c>.</summary>
    public static Task<SocketSubscriber> SubscribeAsync(Uri apiAddress, string token, string roomId, CancellationToken ct) =>
        ConnectAsync(apiAddress, token, $$$"""{"id":1,"method":"subscription","params":{"input":{"roomId":"{{{roomId}}}"},"path":"chat.onMessage"}}""", "\"started\"", ct);

    /// <summary>Connects and has one <c>rooms.list</c> answered: an idle, authenticated connection.</summary>
    public static Task<SocketSubscriber> AuthenticateAsync(Uri apiAddress, string token, CancellationToken ct) =>
        ConnectAsync(apiAddress, token, """{"id":1,"method":"query","params":{"path":"rooms.list"}}""", "\"result\"", ct);

    public void StartReceiving(Action<long> onDelivery, CancellationToken ct) => _socket.StartReceiving(
        frame =>
        {
            if (FrameText.TryReadTimestamp(frame, out var sent))
            {
                onDelivery(sent);
            }
        },
        ct);

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private static async Task<SocketSubscriber> ConnectAsync(Uri apiAddress, string token, string request, string expected, CancellationToken ct)
    {
        var socket = await ApiSocket.ConnectAsync(apiAddress, token, ct);
        try
        {
            var answer = await socket.RequestAsync(request, ct);
            return answer.Contains(expected, StringComparison.Ordinal) ? new SocketSubscriber(socket) : throw new InvalidOperationException(answer);
        }
        catch
        {
            await socket.DisposeAsync();
            throw;
        }
    }
}
