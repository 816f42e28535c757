namespace RealtimeApp.LoadBench;

/// <summary>A subscriber's connection (the API's .NET client, or an SSE stream): reports each benchmark message it receives.</summary>
public interface ISubscriberConnection : IAsyncDisposable
{
    /// <summary>True once the server ended the connection (or it was lost) before the run ended.</summary>
    bool ClosedByServer { get; }

    /// <summary>
    /// Reads until the connection ends or <paramref name="ct"/> fires; each benchmark message's publish timestamp
    /// (<see cref="FrameText.Message"/>) goes to <paramref name="onDelivery"/>.
    /// </summary>
    void StartReceiving(Action<long> onDelivery, CancellationToken ct);
}
