namespace RealtimeApp.Web.Realtime.Connections;

internal enum SubscriptionReservation
{
    Added,
    Duplicate,
    LimitReached,
}
