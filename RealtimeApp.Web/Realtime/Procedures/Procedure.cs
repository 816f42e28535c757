using System.Diagnostics;
using System.Text.Json;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>A registered procedure: path, type, the API token scope it needs and the bound handler.</summary>
internal abstract class Procedure(string path, ProcedureType type, string scope, Type? inputType)
{
    public string Path { get; } = path;

    public ProcedureType Type { get; } = type;

    /// <summary>The <see cref="Domain.ApiTokens.ApiScopes"/> an API token needs to call it (a browser needs none).</summary>
    public string Scope { get; } = scope;

    /// <summary>What <c>params.input</c> is bound to (<see cref="ProcedureInputBinder"/>); null when the handler takes none.</summary>
    public Type? InputType { get; } = inputType;

    /// <summary>False when the handler ignores its input: over HTTP, an input that is not even JSON is then never read.</summary>
    public bool TakesInput => InputType is not null;

    /// <summary>Refuses a caller whose token lacks <see cref="Scope"/>, before its input is read.</summary>
    protected void DemandScope(ProcedureContext context)
    {
        if (!context.User.Allows(Scope))
        {
            throw new TrpcException(TrpcErrorCode.Forbidden, $"This API token lacks the scope '{Scope}' that {Path} needs.");
        }
    }
}

/// <summary>A query or mutation: its result is written by the returned delegate, or null for a void result.</summary>
internal sealed class CallProcedure(
    string path, ProcedureType type, string scope, Type? inputType, Func<ProcedureContext, JsonElement?, Task<Action<Utf8JsonWriter>?>> invoke)
    : Procedure(path, type, scope, inputType)
{
    public Task<Action<Utf8JsonWriter>?> InvokeAsync(ProcedureContext context, JsonElement? input)
    {
        DemandScope(context);
        return invoke(context, input);
    }
}

/// <summary>A subscription: binding and set-up happen before the stream is returned, so their errors come before <c>started</c>.</summary>
internal sealed class SubscriptionProcedure(
    string path, string scope, Type? inputType, Func<ProcedureContext, JsonElement?, Task<IAsyncEnumerable<SubscriptionEvent>>> start)
    : Procedure(path, ProcedureType.Subscription, scope, inputType)
{
    public Task<IAsyncEnumerable<SubscriptionEvent>> StartAsync(ProcedureContext context, JsonElement? input)
    {
        DemandScope(context);
        return start(context, input);
    }
}

/// <summary>
/// One event ready to send: <see cref="EventId"/> is set for tracked events; <see cref="Published"/> is the span that
/// published it, when known (<see cref="SerializedJson.Published"/>).
/// </summary>
internal readonly record struct SubscriptionEvent(string? EventId, Action<Utf8JsonWriter> WritePayload, ActivityContext Published = default);
