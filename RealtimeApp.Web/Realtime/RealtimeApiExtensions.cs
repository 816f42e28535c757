using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RealtimeApp.Web.Realtime;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Connections;
using RealtimeApp.Web.Realtime.Http;
using RealtimeApp.Web.Realtime.Limits;
using RealtimeApp.Web.Realtime.Logging;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Transport;

namespace Microsoft.Extensions.DependencyInjection;

public static class RealtimeApiExtensions
{
    /// <summary>
    /// The WebSocket API engine: <see cref="ApiOptions"/> (section <c>Api</c>, validated at start), the procedure
    /// router, the connection registry, the shutdown drain, and on Kestrel the connection middleware that accepts
    /// scripts' upgrades directly (<see cref="DirectUpgradeMiddleware"/>). Until an <see cref="IApiConnectionAuthenticator"/> is
    /// registered, every connection is refused.
    /// </summary>
    public static IServiceCollection AddRealtimeApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IApiConnectionAuthenticator, RejectAllApiAuthenticator>();
        services.TryAddSingleton<ApiConnectionRegistry>();
        services.TryAddSingleton<IApiUserLimits, OptionsApiUserLimits>();
        services.AddMetrics();
        services.TryAddSingleton<ConnectionMetrics>();
        services.TryAddSingleton<ApiCallMetrics>();
        services.AddInstrumentBaseline<ConnectionMetrics>();
        services.AddInstrumentBaseline<ApiCallMetrics>();
        services.TryAddSingleton(provider =>
        {
            var router = new ProcedureRouter();
            foreach (var registration in provider.GetServices<ProcedureRegistration>())
            {
                registration.Configure(router);
            }

            return router;
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ApiShutdownService>());
        if (!services.Any(s => s.ImplementationType == typeof(DirectUpgradeSetup)))
        {
            // First of Kestrel's option setups: endpoint defaults reach only the endpoints declared after them.
            services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, DirectUpgradeSetup>());
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, RequestLineSetup>());
        services.AddLogging();
        services.TryAddSingleton<LoggerFactory>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(provider.GetRequiredService<LoggerFactory>())));

        return services;
    }

    /// <summary>Registers procedures on the API's router; each feature slice calls this from its own <c>Add…</c> method.</summary>
    public static IServiceCollection AddTrpcProcedures(this IServiceCollection services, Action<ProcedureRouter> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddSingleton(new ProcedureRegistration(configure));
        return services;
    }

    /// <summary>
    /// Serves the API in the HTTP pipeline: <c>/api/ws</c>, where a WebSocket upgrade that was not accepted directly on
    /// Kestrel's connection becomes an API connection speaking tRPC v11's WebSocket protocol (any other request gets 400
    /// with a short explanation), and <c>/api/trpc</c>, tRPC v11 over HTTP and Server-Sent Events. Authentication
    /// happens inside the protocols.
    /// </summary>
    /// <remarks>
    /// Call it before the app's own middleware (error pages, authentication, authorization): an upgraded request or an
    /// SSE stream lives as long as its client stays, and whatever a middleware keeps for the request would live that
    /// long too (about 1.5 KiB per connection). The authenticator reads the Identity cookie itself when it needs it.
    /// </remarks>
    public static IApplicationBuilder UseRealtimeApi(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.Map(ApiOptions.HttpPath, trpc => trpc.Run(TrpcHttpEndpoint.HandleAsync));
        return app.MapWhen(
            context => context.Request.Path.Equals(ApiOptions.Path, StringComparison.OrdinalIgnoreCase),
            api =>
            {
                api.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
                api.Run(HttpUpgradeEndpoint.HandleAsync);
            });
    }
}
