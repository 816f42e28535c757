using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace RealtimeApp.Web.Features.Demo;

/// <summary>
/// Demo mode: once the server listens, runs <c>Demo:Agents</c> simulated agents against the server's own public
/// WebSocket API, with a token of the demo account. Off unless <c>Demo:Enabled</c>; stops with the app.
/// </summary>
public sealed class DemoAgentHost(
    IOptions<DemoOptions> options,
    IHostApplicationLifetime lifetime,
    IServer server,
    DemoAccount account,
    TimeProvider time,
    ILogger<DemoAgentHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !await StartedAsync(stoppingToken))
        {
            return;
        }

        var endpoint = DemoServerAddress.ApiEndpoint(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        if (endpoint is null)
        {
            logger.LogWarning("Demo mode is on, but the server reports no address to connect the demo agents to");
            return;
        }

        var token = await CreateTokenAsync(stoppingToken);
        if (token is null)
        {
            return;
        }

        logger.LogInformation("Demo mode: {Count} simulated agents connect to {Endpoint} as {User}", options.Value.Agents, endpoint, options.Value.UserEmail);
        // Stop as soon as shutdown begins, before the server asks its API clients to reconnect elsewhere.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var agents = Enumerable.Range(0, options.Value.Agents)
            .Select(i => new DemoAgent($"demo-{i + 1}", DemoScenario.AgentName(i), endpoint, token, options.Value, time, logger))
            .Select(agent => agent.RunAsync(stopping.Token));
        await Task.WhenAll(agents);
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<string?> CreateTokenAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await account.CreateTokenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Demo mode could not prepare its account; retrying");
            }

            try
            {
                await Task.Delay(DemoAgent.Backoff(attempt, options.Value.MaxReconnectDelaySeconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}
