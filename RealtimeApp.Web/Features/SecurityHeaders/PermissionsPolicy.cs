namespace RealtimeApp.Web.Features.SecurityHeaders;

/// <summary>
/// The browser features the app never uses, denied to it and to any frame. Left alone on purpose: the clipboard
/// (copying a new API token) and Web Authentication (passkeys on the account pages).
/// </summary>
public static class PermissionsPolicy
{
    public const string Value =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), " +
        "geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), " +
        "picture-in-picture=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";
}
