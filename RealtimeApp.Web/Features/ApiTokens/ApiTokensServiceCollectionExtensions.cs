using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.ApiTokens;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Connections;

namespace Microsoft.Extensions.DependencyInjection;

public static class ApiTokensServiceCollectionExtensions
{
    /// <summary>
    /// API tokens: the service the UI and the command line share, the token/cookie authenticator of <c>/api/ws</c>
    /// (replacing the engine's reject-all default), the revocations every node applies at once, and the sweeper that
    /// closes connections of revoked or expired tokens.
    /// </summary>
    public static IServiceCollection AddApiTokensFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<ApiTokenOptions>().BindConfiguration(ApiTokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiConnectionRegistry>();
        services.AddAuditLog();
        services.AddSingleton<ApiTokenService>();
        services.AddLockedUsers();
        services.Replace(ServiceDescriptor.Singleton<IApiConnectionAuthenticator, TokenApiAuthenticator>());
        services.AddSingleton<ApiTokenSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiTokenSweeper>());
        services.AddHostedService<ApiTokenRevocations>();
        return services;
    }
}
