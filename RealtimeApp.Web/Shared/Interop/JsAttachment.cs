using Microsoft.JSInterop;

namespace RealtimeApp.Web.Shared.Interop;

/// <summary>Releases what a component attached in the browser: the attachment (told to detach itself) and its module.</summary>
public static class JsAttachment
{
    /// <summary>
    /// Detaches quietly when the circuit is already gone or going: the browser page these handles pointed into has
    /// gone with it, and a disposing component must not fail its circuit over that.
    /// </summary>
    public static async ValueTask ReleaseAsync(IJSObjectReference? attachment, IJSObjectReference? module)
    {
        try
        {
            if (attachment is not null)
            {
                await attachment.InvokeVoidAsync("dispose");
                await attachment.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (Exception exception) when (exception is JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
            // The circuit is closing: its pending JS calls are cancelled and the page is unloading anyway.
        }
    }
}
