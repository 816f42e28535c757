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

    /// <summary>Waits until <paramref name="client"/>'s connection is open (it connects on its own from the start).</summary>
    public static async Task WaitOpenAsync(RealtimeClient client, CancellationToken ct)
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(object? sender, ConnectionState state)
        {
            if (state.Phase == ConnectionPhase.Open)
            {
                open.TrySetResult();
            }
            else if (state.Phase == ConnectionPhase.Closed)
            {
                open.TrySetException(new InvalidOperationException($"The connection was refused: {state.Reason}"));
            }
        }

        client.StateChanged += OnChange;
        try
        {
            if (client.State.Phase != ConnectionPhase.Open)
            {
                await open.Task.WaitAsync(ct);
            }
        }
        finally
        {
            client.StateChanged -= OnChange;
        }
    }
}
