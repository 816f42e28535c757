using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Users;
using RealtimeApp.Web.Features.Users.Administration;

namespace Microsoft.Extensions.DependencyInjection;

public static class UsersServiceCollectionExtensions
{
    /// <summary>Identity's user and role stores, account creation and the bootstrap administrator.</summary>
    public static IServiceCollection AddRealtimeAppUsers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddDefaultTokenProviders();
        // Keys in the database: a cookie issued by one node is read by every other, and survives restarts and redeploys.
        services.AddDataProtection().SetApplicationName("RealtimeApp").PersistKeysToDbContext<ApplicationDbContext>();

        services.AddOptions<BootstrapAdminOptions>()
            .BindConfiguration(BootstrapAdminOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RegistrationOptions>().BindConfiguration(RegistrationOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<UserAccountService>();
        services.AddScoped<RoleSeeder>();
        services.AddScoped<BootstrapAdminSeeder>();
        return services;
    }

    /// <summary>Runs migrations, roles and the bootstrap administrator before the server takes requests (not for commands).</summary>
    public static IServiceCollection AddDatabaseInitializer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    /// <summary>Administration of users and roles for the admin console.</summary>
    public static IServiceCollection AddUserAdministration(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddAuditLog();
        services.AddSingleton<UserAdministration>();
        return services;
    }
}
