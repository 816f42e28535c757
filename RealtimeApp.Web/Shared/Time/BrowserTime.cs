namespace RealtimeApp.Web.Shared.Time;

/// <summary>The browser's time zone for this circuit (UTC until the page has asked the browser).</summary>
public sealed class BrowserTime(TimeProvider time)
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public DateTimeOffset Now => time.GetUtcNow();

    public void Use(string? ianaZone)
    {
        if (!string.IsNullOrEmpty(ianaZone) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaZone, out var zone))
        {
            Zone = zone;
        }
    }
}
