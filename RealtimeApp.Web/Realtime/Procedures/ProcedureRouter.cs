using System.Runtime.CompilerServices;
using System.Text.Json;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>
/// The table of tRPC procedures, keyed by dotted path. Feature slices register theirs with
/// <c>services.AddTrpcProcedures(router => router.Query&lt;TInput, TOutput&gt;("rooms.list", ApiScopes.RoomsRead, handler))</c>:
/// each registration names the API token scope the procedure needs, so a feature's list is its table of paths and scopes.
/// Handlers resolve their dependencies from <see cref="ProcedureContext.Services"/>.
/// </summary>
public sealed class ProcedureRouter
{
    private readonly Dictionary<string, Procedure> _procedures = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Paths => _procedures.Keys;

    /// <summary>Each procedure's path and the API token scope it needs.</summary>
    public IReadOnlyDictionary<string, string> Scopes => _procedures.ToDictionary(entry => entry.Key, entry => entry.Value.Scope, StringComparer.Ordinal);

    /// <summary>A query without input: whatever input a client sends is never read.</summary>
    public ProcedureRouter Query<TOutput>(string path, string scope, Func<ProcedureContext, Task<TOutput>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddCall<JsonElement, TOutput>(path, ProcedureType.Query, scope, inputType: null, (context, _) => handler(context));
    }

    public ProcedureRouter Query<TInput, TOutput>(string path, string scope, Func<ProcedureContext, TInput, Task<TOutput>> handler) =>
        AddCall(path, ProcedureType.Query, scope, typeof(TInput), handler);

    public ProcedureRouter Mutation<TInput, TOutput>(string path, string scope, Func<ProcedureContext, TInput, Task<TOutput>> handler) =>
        AddCall(path, ProcedureType.Mutation, scope, typeof(TInput), handler);

    /// <summary>A mutation with no result: the response is <c>{"type":"data"}</c> without a <c>data</c> key.</summary>
    public ProcedureRouter Mutation<TInput>(string path, string scope, Func<ProcedureContext, TInput, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new CallProcedure(path, ProcedureType.Mutation, scope, typeof(TInput), async (context, input) =>
        {
            await handler(context, ProcedureInputBinder.Bind<TInput>(input));
            return null;
        }));
    }

    /// <summary>A subscription without input: whatever input a client sends is never read.</summary>
    public ProcedureRouter Subscription<TEvent>(string path, string scope, Func<ProcedureContext, IAsyncEnumerable<TEvent>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new SubscriptionProcedure(path, scope, inputType: null, (context, _) => Task.FromResult(Untracked(handler(context)))));
    }

    public ProcedureRouter Subscription<TInput, TEvent>(string path, string scope, Func<ProcedureContext, TInput, IAsyncEnumerable<TEvent>> handler) =>
        Subscription<TInput, TEvent>(path, scope, (context, input) => Task.FromResult(handler(context, input)));

    /// <summary>A subscription whose set-up (authorization, look-ups) runs before <c>started</c>; its errors end the call with only an error frame.</summary>
    public ProcedureRouter Subscription<TInput, TEvent>(string path, string scope, Func<ProcedureContext, TInput, Task<IAsyncEnumerable<TEvent>>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new SubscriptionProcedure(path, scope, typeof(TInput), async (context, input) =>
            Untracked(await handler(context, ProcedureInputBinder.Bind<TInput>(input)))));
    }

    public ProcedureRouter TrackedSubscription<TInput, TEvent>(string path, string scope, Func<ProcedureContext, TInput, IAsyncEnumerable<TrackedEvent<TEvent>>> handler) =>
        TrackedSubscription<TInput, TEvent>(path, scope, (context, input) => Task.FromResult(handler(context, input)));

    /// <summary>A subscription whose events carry ids (§5.1); the input receives <c>lastEventId</c> on resume (§4).</summary>
    public ProcedureRouter TrackedSubscription<TInput, TEvent>(string path, string scope, Func<ProcedureContext, TInput, Task<IAsyncEnumerable<TrackedEvent<TEvent>>>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new SubscriptionProcedure(path, scope, typeof(TInput), async (context, input) =>
            Tracked(await handler(context, ProcedureInputBinder.Bind<TInput>(input)))));
    }

    internal bool TryFind(string path, out Procedure? procedure) => _procedures.TryGetValue(path, out procedure);

    private ProcedureRouter AddCall<TInput, TOutput>(string path, ProcedureType type, string scope, Type? inputType, Func<ProcedureContext, TInput, Task<TOutput>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new CallProcedure(path, type, scope, inputType, async (context, input) =>
        {
            var output = await handler(context, ProcedureInputBinder.Bind<TInput>(input));
            return writer => JsonSerializer.Serialize(writer, output, ProcedureJson.Options);
        }));
    }

    private ProcedureRouter Add(Procedure procedure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(procedure.Path);
        if (!ApiScopes.IsKnown(procedure.Scope) || procedure.Scope == ApiScopes.All)
        {
            throw new ArgumentException($"Procedure \"{procedure.Path}\" needs one of the ApiScopes other than \"all\", not \"{procedure.Scope}\".", nameof(procedure));
        }

        if (!_procedures.TryAdd(procedure.Path, procedure))
        {
            throw new InvalidOperationException($"A procedure is already registered on path \"{procedure.Path}\".");
        }

        return this;
    }

    private static async IAsyncEnumerable<SubscriptionEvent> Untracked<TEvent>(IAsyncEnumerable<TEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in events.WithCancellation(cancellationToken))
        {
            yield return new SubscriptionEvent(null, PayloadWriter(item));
        }
    }

    private static async IAsyncEnumerable<SubscriptionEvent> Tracked<TEvent>(IAsyncEnumerable<TrackedEvent<TEvent>> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in events.WithCancellation(cancellationToken))
        {
            if (string.IsNullOrEmpty(item.Id) || item.Id.AsSpan().IndexOfAny('\0', '\n', '\r') >= 0)
            {
                throw new InvalidOperationException("A tracked event id must be non-empty and contain no \\0, \\n or \\r.");
            }

            yield return new SubscriptionEvent(item.Id, PayloadWriter(item.Data), item.Data is SerializedJson serialized ? serialized.Published : default);
        }
    }

    private static Action<Utf8JsonWriter> PayloadWriter<TEvent>(TEvent payload) =>
        payload is SerializedJson serialized ? serialized.WriteTo : writer => JsonSerializer.Serialize(writer, payload, ProcedureJson.Options);
}
