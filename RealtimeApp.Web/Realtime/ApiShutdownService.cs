using Microsoft.Extensions.Options;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Web.Realtime;

/// <summary>
/// At shutdown (§5.3): <c>ApplicationStopping</c> sends the reconnect notification to every connection; stopping then
/// waits up to <c>Api:ShutdownDrainSeconds</c> while clients move (less when all have left), and closes what is left with 1001.
/// The drain runs in <see cref="StoppingAsync"/>, before any hosted service stops: Kestrel's own stop waits for open
/// requests (our sockets) up to the host's shutdown timeout, so draining after it would hold every shutdown for that long.
/// </summary>
internal sealed class ApiShutdownService(IHostApplicationLifetime lifetime, ApiConnectionRegistry registry, IOptions<ApiOptions> options)
    : IHostedLifecycleService, IDisposable
{
    private CancellationTokenRegistration _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = lifetime.ApplicationStopping.Register(registry.BroadcastReconnect);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        registry.BroadcastReconnect();
        try
        {
            await registry.WaitForAllToEndAsync(TimeSpan.FromSeconds(options.Value.ShutdownDrainSeconds), cancellationToken);

            await registry.CloseAllAsync(ApiCloseCodes.ShuttingDown, "server shutting down", cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout won; the server aborts what is left.
        }
    }

    public void Dispose() => _stopping.Dispose();
}
