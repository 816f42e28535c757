using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Agents.Api;
using RealtimeApp.Web.Features.Agents.Store;
using RealtimeApp.Web.Features.Tasks;

namespace Microsoft.Extensions.DependencyInjection;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>Agents: reports and heartbeats, offline detection, commands to agents (also for Tasks, through <see cref="ITaskAgents"/>), and the circuit's live agent feed.</summary>
    public static IServiceCollection AddAgentsFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AgentEvents>();
        services.AddSingleton<AgentService>();
        services.AddSingleton<AgentCommands>();
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<ITaskAgents, TaskAgents>();
        services.AddScoped<AgentFeed>();
        services.AddSingleton<AgentOfflineSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<AgentOfflineSweeper>());
        return services;
    }

    /// <summary>The agent procedures of the API (<c>agents.*</c>), over the services of <c>AddAgentsFeature</c>. See docs/websocket-api.md.</summary>
    public static IServiceCollection AddAgentsApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddTrpcProcedures(AgentProcedures.Register);
        return services;
    }
}
