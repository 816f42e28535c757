namespace RealtimeApp.Web.Features.Sessions;

/// <summary>One live Blazor circuit (a browser tab) of a signed-in user, and the way to end it.</summary>
public sealed class CircuitSession(string id, string userId, string userName, string? remoteAddress, DateTimeOffset connectedAt, Func<int> subscriptionCount, Action end)
{
    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public string UserName { get; } = userName;

    public string? RemoteAddress { get; } = remoteAddress;

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    public int SubscriptionCount => subscriptionCount();

    /// <summary>Signs the circuit out: its pages see an anonymous user and the tab reloads to the sign-in page.</summary>
    public void End() => end();
}
