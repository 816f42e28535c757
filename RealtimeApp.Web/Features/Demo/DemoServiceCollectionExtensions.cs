using RealtimeApp.Web.Features.Demo;

namespace Microsoft.Extensions.DependencyInjection;

public static class DemoServiceCollectionExtensions
{
    /// <summary>Demo mode (<c>Demo:Enabled</c>): simulated agents that talk to this server through its public WebSocket API.</summary>
    public static IServiceCollection AddDemoFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DemoAccount>();
        services.AddHostedService<DemoAgentHost>();
        return services;
    }
}
