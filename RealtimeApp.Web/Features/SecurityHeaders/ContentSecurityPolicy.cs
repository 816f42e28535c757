namespace RealtimeApp.Web.Features.SecurityHeaders;

/// <summary>The <c>Content-Security-Policy</c> of every HTML response: the app's own origin only, scripts by nonce.</summary>
public static class ContentSecurityPolicy
{
    private const string BeforeNonce =
        "default-src 'self'; " +
        // blazor.web.js, MudBlazor's script and the app's modules are files; the one inline script, the import map
        // (<ImportMap> in App.razor), carries the request's nonce. Blazor Server needs no eval.
        "script-src 'self' 'nonce-";

    private const string AfterNonce =
        "'; " +
        // MudBlazor writes style attributes (positions of popovers, progress widths, chart colours) and
        // MudThemeProvider renders a <style> element while the circuit runs: neither can carry a nonce or a fixed
        // hash, so inline styles are allowed. Styles cannot run code; scripts stay strict (docs/decisions/0008).
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        // 'self' also admits ws:// and wss:// on the page's own host and port (CSP Level 3): Blazor's circuit.
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "frame-ancestors 'self'; " +
        "base-uri 'self'; " +
        "form-action 'self'";

    /// <summary>The policy for one response; <paramref name="nonce"/> admits the inline import map Blazor renders.</summary>
    public static string For(string nonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);

        return BeforeNonce + nonce + AfterNonce;
    }
}
