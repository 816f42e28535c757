using System.Security.Claims;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>What a handler knows about the call: the caller, the connection's DI scope and cancellation.</summary>
public sealed class ProcedureContext
{
    /// <summary>The principal the connection authenticated as (once per connection).</summary>
    public required ClaimsPrincipal User { get; init; }

    /// <summary>The connection's DI scope: one scope per WebSocket connection, shared by its calls (which may run concurrently).</summary>
    public required IServiceProvider Services { get; init; }

    /// <summary>Cancelled when the connection ends; for a subscription, also when the client stops it.</summary>
    public required CancellationToken CancellationToken { get; init; }

    public required string ConnectionId { get; init; }

    public required string Path { get; init; }

    public required ProcedureType Type { get; init; }

    /// <summary>The connectionParams the client sent (§2), or null.</summary>
    public IReadOnlyDictionary<string, string>? ConnectionParams { get; init; }

    /// <summary>A service from the connection's scope.</summary>
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();
}
