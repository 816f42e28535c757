using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.Agents;

namespace Microsoft.Extensions.DependencyInjection;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>Agents: reports and heartbeats, offline detection, and commands to agents.</summary>
    public static IServiceCollection AddAgentsFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AgentEvents>();
        services.AddSingleton<AgentService>();
        services.AddSingleton<AgentCommands>();
        services.AddSingleton<AgentOfflineSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<AgentOfflineSweeper>());
        return services;
    }
}
