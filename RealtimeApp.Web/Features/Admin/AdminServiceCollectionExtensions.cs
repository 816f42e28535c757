using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.Operations;
using RealtimeApp.Web.Features.Users.Administration;

namespace Microsoft.Extensions.DependencyInjection;

public static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// The admin console's services: users and roles, live sessions (lock and disconnect), the audit log and the
    /// operations dashboard's sampler of the <c>RealtimeApp</c> meter (one sample a second, ten minutes kept).
    /// </summary>
    public static IServiceCollection AddAdminConsole(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSessions();
        services.AddAuditLog();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<MetricsSampler>();
        services.AddHostedService<MetricsSamplingService>();
        return services;
    }
}
