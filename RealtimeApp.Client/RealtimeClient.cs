using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RealtimeApp.Client.Api;
using RealtimeApp.Client.Connection;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client;

/// <summary>
/// A client of the RealtimeApp API over one WebSocket (the tRPC v11 protocol, <see cref="ProtocolVersion"/>): typed
/// procedures grouped as the API is (<see cref="Rooms"/>, <see cref="Chat"/>, <see cref="Tasks"/>, <see cref="Agents"/>), subscriptions as
/// <see cref="IAsyncEnumerable{T}"/> that resume after a lost connection, and untyped calls for anything newer. It
/// connects at once, reconnects on its own (see <see cref="ReconnectPolicy"/>), and stops only when disposed or when
/// the server refuses its token.
/// </summary>
public sealed class RealtimeClient : IAsyncDisposable
{
    /// <summary>The wire protocol this client speaks.</summary>
    public const string ProtocolVersion = "tRPC v11 WebSocket";

    private readonly RealtimeClientOptions _options;
    private readonly PendingCalls _calls = new();
    private readonly ConcurrentDictionary<long, Subscription> _subscriptions = new();
    private readonly ConnectionSupervisor _supervisor;
    private long _nextId;

    /// <summary>Starts connecting to <see cref="RealtimeClientOptions.ServerUrl"/>.</summary>
    public RealtimeClient(RealtimeClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _supervisor = new ConnectionSupervisor(options, _calls, _subscriptions);
        _supervisor.StateChanged += state => StateChanged?.Invoke(this, state);
        Rooms = new RoomsApi(this);
        Chat = new ChatApi(this);
        Tasks = new TasksApi(this);
        Agents = new AgentsApi(this);
        _supervisor.Start();
    }

    /// <summary>Raised on every change of the connection (on the client's own threads: hand off before doing real work).</summary>
    public event EventHandler<ConnectionState>? StateChanged;

    /// <summary>The connection as it is now.</summary>
    public ConnectionState State => _supervisor.State;

    /// <summary><c>rooms.*</c>.</summary>
    public RoomsApi Rooms { get; }

    /// <summary><c>chat.*</c>.</summary>
    public ChatApi Chat { get; }

    /// <summary><c>tasks.*</c>.</summary>
    public TasksApi Tasks { get; }

    /// <summary><c>agents.*</c>.</summary>
    public AgentsApi Agents { get; }

    /// <summary>
    /// Waits until the connection is open (returns at once when it is): for a script that wants to know the server is
    /// there before it starts; calls wait for the connection on their own. Open means the socket is: a token the
    /// server refuses closes it right after, for good, and from then on this throws
    /// <see cref="RealtimeConnectionException"/> (<see cref="RealtimeConnectionException.IsFinal"/>), as every call does.
    /// </summary>
    public async Task WaitUntilOpenAsync(CancellationToken cancellationToken = default) => await _supervisor.WaitOpenAsync(cancellationToken);

    /// <summary>Runs query <paramref name="path"/> with <paramref name="input"/> (any JSON-serializable value, or null for none).</summary>
    public Task<TOutput?> QueryAsync<TOutput>(string path, object? input = null, CancellationToken cancellationToken = default) =>
        CallAsync(TrpcMethod.Query, path, Serialize(input), (JsonTypeInfo<TOutput>)ClientJsonContext.Untyped.GetTypeInfo(typeof(TOutput)), cancellationToken);

    /// <summary>Runs mutation <paramref name="path"/> with <paramref name="input"/> (any JSON-serializable value, or null for none).</summary>
    public Task<TOutput?> MutateAsync<TOutput>(string path, object? input = null, CancellationToken cancellationToken = default) =>
        CallAsync(TrpcMethod.Mutation, path, Serialize(input), (JsonTypeInfo<TOutput>)ClientJsonContext.Untyped.GetTypeInfo(typeof(TOutput)), cancellationToken);

    /// <summary>
    /// Follows subscription <paramref name="path"/>: every event once, in order, across lost connections when the
    /// procedure is tracked (the client resubscribes after the last event it received). Ending the enumeration stops
    /// the subscription on the server.
    /// </summary>
    public IAsyncEnumerable<TEvent> SubscribeAsync<TEvent>(string path, object? input = null, CancellationToken cancellationToken = default) =>
        Subscribe(path, Serialize(input), lastEventId: null, (JsonTypeInfo<TEvent>)ClientJsonContext.Untyped.GetTypeInfo(typeof(TEvent)), cancellationToken);

    /// <summary>Stops every subscription and closes the connection; the client cannot be used afterwards.</summary>
    public async ValueTask DisposeAsync() => await _supervisor.DisposeAsync();

    internal static ReadOnlyMemory<byte>? Serialize<T>(T input, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(input, type);

    internal async Task<TOutput?> CallAsync<TOutput>(string method, string path, ReadOnlyMemory<byte>? input, JsonTypeInfo<TOutput> output, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var id = Interlocked.Increment(ref _nextId);
        try
        {
            while (true)
            {
                var answer = await SendCallAsync(id, method, path, input, linked.Token);
                try
                {
                    var data = await answer.WaitAsync(linked.Token);
                    return data is { } json ? JsonSerializer.Deserialize(json, output) : default;
                }
                catch (RealtimeConnectionException lost) when (!lost.IsFinal && method == TrpcMethod.Query)
                {
                    // A query changes nothing: asked again on the next connection, as @trpc/client does. A mutation
                    // lost with its connection is the caller's to send again (with its clientId).
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RealtimeConnectionException($"No answer to {path} within {_options.RequestTimeout.TotalSeconds:0.#} s.");
        }
        finally
        {
            _calls.Forget(id);
        }
    }

    internal IAsyncEnumerable<TEvent> Subscribe<TEvent>(
        string path, ReadOnlyMemory<byte>? input, string? lastEventId, JsonTypeInfo<TEvent> type, CancellationToken cancellationToken = default) =>
        Subscribe(path, input, lastEventId, json => JsonSerializer.Deserialize(json, type)!, cancellationToken);

    /// <summary>Follows <paramref name="path"/>, each event's JSON read by <paramref name="read"/> (which throws <see cref="JsonException"/> on what it cannot read).</summary>
    internal async IAsyncEnumerable<TEvent> Subscribe<TEvent>(
        string path, ReadOnlyMemory<byte>? input, string? lastEventId, Func<ReadOnlySpan<byte>, TEvent> read, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var subscription = new Subscription<TEvent>(Interlocked.Increment(ref _nextId), path, input, lastEventId, read);
        _subscriptions[subscription.Id] = subscription;
        try
        {
            await SendSubscriptionAsync(subscription, cancellationToken);
            var events = subscription.Events;
            while (await events.WaitToReadAsync(cancellationToken))
            {
                while (events.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await ForgetAsync(subscription);
        }
    }

    /// <summary>
    /// Follows <paramref name="path"/>, each event read by <paramref name="read"/> and handed to <paramref name="handler"/>
    /// on the receive loop, until the subscription ends or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    internal async Task Follow<TEvent>(
        string path, ReadOnlyMemory<byte>? input, string? lastEventId, Func<ReadOnlySpan<byte>, TEvent> read, Action<TEvent> handler, CancellationToken cancellationToken)
    {
        var subscription = new HandlerSubscription<TEvent>(Interlocked.Increment(ref _nextId), path, input, lastEventId, read, handler);
        _subscriptions[subscription.Id] = subscription;
        try
        {
            await SendSubscriptionAsync(subscription, cancellationToken);
            await subscription.Ended.WaitAsync(cancellationToken);
        }
        finally
        {
            await ForgetAsync(subscription);
        }
    }

    private static ReadOnlyMemory<byte>? Serialize(object? input) =>
        input is null ? null : JsonSerializer.SerializeToUtf8Bytes(input, input.GetType(), ClientJsonContext.Untyped);

    /// <summary>Sends a call on the open connection, waiting for one; a connection that closes under the send is replaced.</summary>
    private async Task<Task<byte[]?>> SendCallAsync(long id, string method, string path, ReadOnlyMemory<byte>? input, CancellationToken cancellationToken)
    {
        var frame = ClientFrames.Request(id, method, path, input);
        while (true)
        {
            var session = await _supervisor.WaitOpenAsync(cancellationToken);
            var answer = _calls.Add(id);
            try
            {
                await session.SendAsync(frame, cancellationToken);
                return answer;
            }
            catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
            {
                // Not sent: the connection was ending. Send it on the next one.
                _calls.Forget(id);
            }
        }
    }

    /// <summary>
    /// Sends a new subscription on the open connection unless the supervisor already has; a connection that fails under
    /// the send is the supervisor's to replace, and it subscribes every live subscription again on the next one.
    /// </summary>
    private async Task SendSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var session = await _supervisor.WaitOpenAsync(cancellationToken);
        try
        {
            if (subscription.TryClaim(session))
            {
                await session.SendAsync(subscription.Request(), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The next connection subscribes it again.
        }
    }

    /// <summary>Ends a subscription its caller has left (unless the server or the supervisor ended it first) and stops it on the server.</summary>
    private async Task ForgetAsync(Subscription subscription)
    {
        if (_subscriptions.TryRemove(subscription.Id, out _))
        {
            subscription.End();
            await StopOnServerAsync(subscription.Id);
        }
    }

    private async Task StopOnServerAsync(long id)
    {
        if (_supervisor.State.Phase != ConnectionPhase.Open)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var session = await _supervisor.WaitOpenAsync(timeout.Token);
            await session.SendAsync(ClientFrames.Stop(id), timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException or RealtimeConnectionException)
        {
            // The connection is gone, and the subscription with it.
        }
    }
}
