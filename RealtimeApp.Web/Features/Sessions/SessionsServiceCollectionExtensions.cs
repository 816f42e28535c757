using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RealtimeApp.Web.Features.Sessions;
using RealtimeApp.Web.Realtime.Connections;

namespace Microsoft.Extensions.DependencyInjection;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>
    /// Live sessions: the registry of circuits per user, the connection list and disconnect of the admin dashboard, and
    /// the checks that stop a locked user's cookie and circuits (<c>Sessions:RevalidationSeconds</c>).
    /// </summary>
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<SessionValidationOptions>().BindConfiguration(SessionValidationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddAuditLog();
        services.TryAddSingleton<ApiConnectionRegistry>();
        services.AddSingleton<CircuitRegistry>();
        services.AddLockedUsers();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<UserAccessEnforcer>();
        services.AddHostedService(provider => provider.GetRequiredService<UserAccessEnforcer>());
        services.AddScoped<CircuitHandler, SessionCircuitHandler>();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SessionValidationOptions>>((stamp, sessions) => stamp.ValidationInterval = TimeSpan.FromSeconds(sessions.Value.RevalidationSeconds));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<LockedUsers>((cookie, locked) => RejectLockedUsers(cookie, locked));
        return services;
    }

    /// <summary>The users locked on this node (safe to call from every feature that must refuse them at once).</summary>
    public static IServiceCollection AddLockedUsers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton<LockedUsers>();
        return services;
    }

    private static void RejectLockedUsers(CookieAuthenticationOptions cookie, LockedUsers locked)
    {
        var validateStamp = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && locked.Contains(userId))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await validateStamp(context);
        };
    }
}
