namespace RealtimeApp.Domain.Realtime;

/// <summary>Told when a subscription it handed out ends (disposed or faulted), so it can stop tracking it.</summary>
internal interface ISubscriptionOwner
{
    void OnSubscriptionEnded(Subscription subscription);
}
