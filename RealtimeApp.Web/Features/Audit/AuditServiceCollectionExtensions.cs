using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.Audit;

namespace Microsoft.Extensions.DependencyInjection;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log of administrative actions (safe to call from every feature that writes to it).</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog, AuditLog>();
        return services;
    }
}
