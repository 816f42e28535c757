using RealtimeApp.Web.Features.Agents.Api;

namespace Microsoft.Extensions.DependencyInjection;

public static class AgentsApiServiceCollectionExtensions
{
    /// <summary>The agent procedures of the API (<c>agents.*</c>), over the services of <c>AddAgentsFeature</c>. See docs/websocket-api.md.</summary>
    public static IServiceCollection AddAgentsApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddTrpcProcedures(AgentProcedures.Register);
        return services;
    }
}
