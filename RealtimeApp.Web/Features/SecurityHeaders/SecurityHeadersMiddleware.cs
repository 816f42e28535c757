using Microsoft.Extensions.Primitives;

namespace RealtimeApp.Web.Features.SecurityHeaders;

/// <summary>
/// Adds the security headers as each response starts, whatever produced it (a page, a status page re-executed for
/// a 404, the error page after the exception handler cleared the headers, a static file, the API). Every response gets
/// <c>X-Content-Type-Options</c>, <c>Referrer-Policy</c> and <c>Permissions-Policy</c>; HTML responses also get the
/// Content-Security-Policy (the only place the app sets one) and <c>X-Frame-Options</c> for browsers without CSP.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private static readonly Func<object, Task> _addHeaders = AddHeaders;

    public Task InvokeAsync(HttpContext context)
    {
        // What UseHsts (just before) set, kept for the response: the exception handler clears the headers of a failed
        // request before it renders the error page.
        var strictTransportSecurity = context.Response.Headers.StrictTransportSecurity;
        context.Response.OnStarting(_addHeaders, new ResponseState(context, strictTransportSecurity));
        return next(context);
    }

    private static Task AddHeaders(object state)
    {
        var (context, strictTransportSecurity) = (ResponseState)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy.Value;
        if (!StringValues.IsNullOrEmpty(strictTransportSecurity))
        {
            headers.StrictTransportSecurity = strictTransportSecurity;
        }

        if (IsHtml(context.Response.ContentType))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy.For(context.GetCspNonce());
            headers.XFrameOptions = "SAMEORIGIN";
        }

        return Task.CompletedTask;
    }

    private static bool IsHtml(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    private sealed record ResponseState(HttpContext Context, StringValues StrictTransportSecurity);
}
