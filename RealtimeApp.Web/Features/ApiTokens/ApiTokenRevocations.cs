using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>
/// Applies <see cref="ApiTokenRevoked"/> on this node, wherever the token was revoked: the token is no longer accepted
/// here and its connections close (4001 <c>token revoked</c>). The sweeper stays the safety net for revocations made
/// straight in the database and for events missed while the backplane was down.
/// </summary>
public sealed class ApiTokenRevocations(EventHub hub, ApiTokenService tokens) : IHostedService, IDisposable
{
    private IEventSubscription? _revocations;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _revocations = hub.SubscribeAll<ApiTokenRevoked>(revoked => tokens.Forget(revoked.TokenId));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _revocations?.Dispose();
        _revocations = null;
    }
}
