using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace RealtimeApp.Web.Realtime.Transport;

/// <summary>
/// Puts <see cref="DirectUpgradeMiddleware"/> in front of every Kestrel endpoint through the endpoint defaults. Kestrel
/// applies those when an endpoint is declared, so this must run before any other configuration of Kestrel's options
/// (it is registered first); an endpoint declared earlier still serves the API, through the HTTP pipeline only.
/// Kestrel keeps a single endpoint-defaults action, so code that sets its own replaces this one (same outcome).
/// Behind TLS terminated by Kestrel the middleware sees encrypted bytes and passes them on, so HTTPS endpoints also
/// use the HTTP pipeline.
/// </summary>
internal sealed class DirectUpgradeSetup(IServiceProvider services) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options) =>
        options.ConfigureEndpointDefaults(listen =>
            listen.Use(next => new DirectUpgradeMiddleware(next, listen, services).OnConnectedAsync));
}
