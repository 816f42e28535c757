using RealtimeApp.Web.Components.Account;
using RealtimeApp.Web.Components.Account.SignInLimits;

namespace Microsoft.Extensions.DependencyInjection;

public static class SignInLimitsServiceCollectionExtensions
{
    /// <summary>
    /// Sign-in abuse controls for the login page: the per-address limit on failed sign-ins from the <c>SignIn</c>
    /// section (a bad value throws <see cref="RealtimeApp.Web.Shared.Settings.InvalidSettingException"/> naming the
    /// key) and the audit entries of every sign-in.
    /// </summary>
    public static IServiceCollection AddSignInAbuseControls(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSingleton(SignInLimitOptions.From(configuration));
        services.AddSingleton<SignInFailureLimiter>();
        services.AddScoped<GuardedSignIn>();
        services.AddAuditLog();
        return services;
    }
}
