namespace Microsoft.Extensions.DependencyInjection;

public static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// The admin console's services: users and roles, live sessions (lock and disconnect), the audit log and the
    /// operations dashboard's sampler.
    /// </summary>
    public static IServiceCollection AddAdminConsole(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddSessions();
        services.AddAuditLog();
        services.AddUserAdministration();
        services.AddOperationsDashboard();
        return services;
    }
}
