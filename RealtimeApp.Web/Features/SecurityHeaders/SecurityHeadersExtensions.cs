using Microsoft.AspNetCore.Antiforgery;
using RealtimeApp.Web.Features.SecurityHeaders;

namespace Microsoft.Extensions.DependencyInjection;

public static class SecurityHeadersExtensions
{
    /// <summary>
    /// Makes this feature the one owner of the framing policy: antiforgery stops adding its own
    /// <c>X-Frame-Options</c> (the feature sends it with the Content-Security-Policy). HSTS keeps ASP.NET Core's defaults.
    /// </summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.Configure<AntiforgeryOptions>(options => options.SuppressXFrameOptionsHeader = true);
        return services;
    }

    /// <summary>
    /// The security headers on every response (<see cref="SecurityHeadersMiddleware"/>) and, outside Development,
    /// <c>Strict-Transport-Security</c> on HTTPS requests. Put it first, so the API's branches get them too.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
