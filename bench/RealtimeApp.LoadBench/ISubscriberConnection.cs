namespace RealtimeApp.LoadBench;

/// <summary>A subscriber's connection, a WebSocket or an SSE stream: hands every frame or event it receives to a callback.</summary>
public interface ISubscriberConnection : IAsyncDisposable
{
    /// <summary>True once the server ended the connection (or it was lost) before the run ended.</summary>
    bool ClosedByServer { get; }

    /// <summary>Reads until the connection ends or <paramref name="ct"/> fires.</summary>
    void StartReceiving(Action<ReadOnlySpan<byte>> onFrame, CancellationToken ct);
}
