using RealtimeApp.Web.Features.Preferences;

namespace Microsoft.Extensions.DependencyInjection;

public static class PreferencesServiceCollectionExtensions
{
    /// <summary>Per-user display preferences (dark mode), kept on the account.</summary>
    public static IServiceCollection AddPreferencesFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddScoped<UserPreferencesService>();
        return services;
    }
}
