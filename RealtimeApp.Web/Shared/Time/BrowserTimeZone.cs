using Microsoft.JSInterop;

namespace RealtimeApp.Web.Shared.Time;

/// <summary>Asks the browser for its time zone once per circuit, so task times read in the user's local time.</summary>
public static class BrowserTimeZone
{
    /// <summary>True when the zone was learnt now (the caller re-renders); false when known already or the circuit is gone.</summary>
    public static async Task<bool> DetectAsync(IJSRuntime js, BrowserTime clock)
    {
        ArgumentNullException.ThrowIfNull(js);
        ArgumentNullException.ThrowIfNull(clock);

        if (clock.Zone != TimeZoneInfo.Utc)
        {
            return false;
        }

        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./assets/js/time.js");
            clock.Use(await module.InvokeAsync<string>("timeZone"));
            return clock.Zone != TimeZoneInfo.Utc;
        }
        catch (JSDisconnectedException)
        {
            return false;
        }
    }
}
