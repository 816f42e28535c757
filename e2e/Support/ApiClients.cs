using RealtimeApp.Client;
using RealtimeApp.Client.Api;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// External scripts in the end-to-end tests: the API's own .NET client (<see cref="RealtimeClient"/>) on a node, an app
/// or a load balancer in front of them, and the waits a test needs on its events and its connection.
/// </summary>
public static class ApiClients
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(15);

    public static RealtimeClient Connect(KestrelAppFactory app, string token)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Connect(app.BaseAddress, token);
    }

    /// <summary>A client of the app at <paramref name="baseAddress"/> (one node of several, or a load balancer in front of them).</summary>
    public static RealtimeClient Connect(Uri baseAddress, string token)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return new RealtimeClient(new RealtimeClientOptions
        {
            ServerUrl = new Uri($"ws://{baseAddress.Authority}/api/ws"),
            Token = token,
            RequestTimeout = EventTimeout,
        });
    }

    /// <summary>
    /// The room's messages from now on: the newest sequence is read before this returns, so a message posted right
    /// after is among them even though the subscription starts with the first read.
    /// </summary>
    public static async Task<IAsyncEnumerator<ChatMessage>> FollowAsync(this ChatApi chat, string roomId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var newest = (await chat.HistoryAsync(roomId, limit: 1, cancellationToken: cancellationToken)).LastOrDefault()?.Sequence ?? 0;
        return chat.OnMessageAsync(roomId, newest, cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>The next event that satisfies <paramref name="match"/>, skipping others; fails the test after 15 s without one.</summary>
    public static async Task<T> NextAsync<T>(this IAsyncEnumerator<T> events, Func<T, bool> match)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(match);
        while (await events.MoveNextAsync().AsTask().WaitAsync(EventTimeout))
        {
            if (match(events.Current))
            {
                return events.Current;
            }
        }

        throw new InvalidOperationException("The subscription ended before a matching event arrived.");
    }

    /// <summary>The next event, whatever it is.</summary>
    public static Task<T> NextAsync<T>(this IAsyncEnumerator<T> events) => events.NextAsync(_ => true);

    /// <summary>Waits until the client is closed for good (the server refused its token) and returns how it ended.</summary>
    public static async Task<ConnectionState> WaitUntilClosedAsync(this RealtimeClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var closed = new TaskCompletionSource<ConnectionState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(object? sender, ConnectionState state)
        {
            if (state.Phase == ConnectionPhase.Closed)
            {
                closed.TrySetResult(state);
            }
        }

        client.StateChanged += OnChange;
        try
        {
            if (client.State.Phase == ConnectionPhase.Closed)
            {
                return client.State;
            }

            return await closed.Task.WaitAsync(EventTimeout, cancellationToken);
        }
        finally
        {
            client.StateChanged -= OnChange;
        }
    }
}
