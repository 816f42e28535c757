namespace RealtimeApp.Web.Realtime.Limits;

/// <summary>The limits the API engine enforces on its own (the request rate is the limiter's).</summary>
public enum ApiLimit
{
    Subscriptions,
    Connections,
}
