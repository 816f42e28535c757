using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Web.Realtime.Transport;

/// <summary>
/// A Kestrel connection middleware that accepts <c>/api/ws</c> upgrades on the connection itself when they are its
/// first request, so the API connection runs on the bare socket: Kestrel's HTTP/1.1 request (its connection state,
/// headers, streams, request context and tracing, about 9 KiB of objects) is never created, where in the HTTP pipeline
/// it would live as long as the socket (ADR 0006). Everything else, including every upgrade this does not recognise in full, goes to Kestrel's HTTP
/// server untouched (see <see cref="UpgradeHeadParser"/>) and <see cref="HttpUpgradeEndpoint"/> serves the API there.
/// </summary>
internal sealed class DirectUpgradeMiddleware(ConnectionDelegate next, ListenOptions listenOptions, IServiceProvider services)
{
    private readonly ApiOptions _options = services.GetRequiredService<IOptions<ApiOptions>>().Value;
    private readonly KestrelServerLimits _limits = services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
    private readonly ApiConnectionRegistry _registry = services.GetRequiredService<ApiConnectionRegistry>();
    private readonly IServiceScopeFactory _scopes = services.GetRequiredService<IServiceScopeFactory>();
    private readonly TimeProvider _time = services.GetRequiredService<TimeProvider>();

    public async Task OnConnectedAsync(ConnectionContext connection)
    {
        // Kestrel counts upgraded connections against MaxConcurrentUpgradedConnections only in its HTTP server.
        if (!_options.DirectConnections || _limits.MaxConcurrentUpgradedConnections is not null
            || !listenOptions.Protocols.HasFlag(HttpProtocols.Http1))
        {
            await next(connection);
            return;
        }

        var input = connection.Transport.Input;
        var (status, head) = await UpgradeHeadReader.ReadAsync(input, _limits.KeepAliveTimeout, _limits.RequestHeadersTimeout, _time);
        if (status == UpgradeHeadStatus.Incomplete)
        {
            return;
        }

        // While shutting down, the HTTP path answers 503 (a client must not get a socket that closes at once).
        if (head is null || _registry.RefusesNewSockets)
        {
            await next(connection);
            return;
        }

        // Everything the connection needs is made from the head before the next await, so the head (its key,
        // headers, token) is not kept for the socket's lifetime.
        UpgradeHeadReader.Consume(input, head);
        var deflate = _options.Compression ? PermessageDeflate.Negotiate(head.Extensions) : null;
        connection.Transport.Output.Write(SwitchingProtocols.Response(head.Key, deflate));
        var scope = _scopes.CreateAsyncScope();
        var socket = WebSocket.CreateFromStream(new DuplexPipeStream(connection.Transport), new WebSocketCreationOptions
        {
            IsServer = true,
            KeepAliveInterval = TimeSpan.Zero,
            DangerousDeflateOptions = deflate?.Options,
        });
        var api = ActivatorUtilities.CreateInstance<ApiConnection>(scope.ServiceProvider, socket, Describe(connection, head));
        await RunAsync(connection, scope, socket, api);
    }

    private static async Task RunAsync(ConnectionContext connection, AsyncServiceScope scope, WebSocket socket, ApiConnection api)
    {
        await using (scope)
        using (socket)
        {
            var sent = await connection.Transport.Output.FlushAsync();
            if (sent.IsCompleted || sent.IsCanceled)
            {
                return;
            }

            await api.RunAsync();
        }

        // A socket that did not close cleanly (lost, aborted, a client that stopped reading) may have output Kestrel
        // could wait on forever; abort the connection rather than finish sending it.
        if (socket.State != WebSocketState.Closed)
        {
            connection.Abort(new ConnectionAbortedException("The API connection ended without a closing handshake."));
        }
    }

    private ApiUpgrade Describe(ConnectionContext connection, UpgradeHead head)
    {
        var scheme = connection.Features.Get<ITlsConnectionFeature>() is null ? "http" : "https";
        var query = QueryHelpers.ParseQuery(head.Query);
        return new ApiUpgrade(
            (connection.RemoteEndPoint as IPEndPoint)?.Address.ToString(),
            query.TryGetValue("connectionParams", out var connectionParams) && connectionParams == "1",
            BearerToken.FromAuthorization(head.Authorization),
            ApiOriginPolicy.IsAllowed(head.Origin, $"{scheme}://{head.Host}", _options.AllowedOrigins),
            BrowserUser: null,
            ApiTransport.Direct);
    }
}
