using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;
using RealtimeApp.Web.Components;
using RealtimeApp.Web.Features.Shell;
using RealtimeApp.Web.State;

namespace Microsoft.Extensions.DependencyInjection;

public static class AppShellExtensions
{
    /// <summary>URL prefix of the top-level <c>wwwroot-assets/</c> folder.</summary>
    public const string AssetsPath = "/assets";

    /// <summary>Blazor Server components with MudBlazor (which shows the store's errors) and the account preferences.</summary>
    public static IServiceCollection AddAppShell(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<IStoreErrorPresenter, SnackbarStoreErrorPresenter>();
        services.AddPreferencesFeature();
        return services;
    }

    /// <summary>Error pages, authentication, the app's own static assets and antiforgery, in that order.</summary>
    public static WebApplication UseAppShell(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        // Explicitly after the status pages, so a 403 from authorization is rendered by /error/403.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets")),
            RequestPath = AssetsPath,
        });
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The Blazor app at <c>/</c> and Identity's endpoints under <c>/Account</c>.</summary>
    public static WebApplication MapAppShell(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapStaticAssets();
        // The Content-Security-Policy (frame-ancestors included) has one owner: UseSecurityHeaders.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
