using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>What <see cref="HttpRequestHeadReader"/> read from a request line and headers, before any call runs.</summary>
internal sealed class HttpRequestHead
{
    public required bool IsBatch { get; init; }

    /// <summary>GET (queries and subscriptions); otherwise the request is treated as POST (mutations).</summary>
    public required bool IsGet { get; init; }

    /// <summary>The answer is streamed as JSON Lines (<c>trpc-accept: application/jsonl</c> or <c>Accept: application/jsonl</c>).</summary>
    public required bool IsStreamed { get; init; }

    public required IReadOnlyList<HttpCall> Calls { get; init; }

    /// <summary>The <c>input</c> query parameter as sent (GET), or null.</summary>
    public string? QueryInput { get; init; }

    /// <summary>The <c>connectionParams</c> query parameter, parsed; null when absent or <c>null</c>.</summary>
    public IReadOnlyDictionary<string, string>? ConnectionParams { get; init; }

    /// <summary>True when the request's method is the one <paramref name="procedure"/> takes: POST for mutations, GET otherwise.</summary>
    public bool HasMethodOf(Procedure procedure) => IsGet != (procedure.Type == ProcedureType.Mutation);
}
