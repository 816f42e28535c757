namespace RealtimeApp.Web.Features.Demo;

/// <summary>
/// One simulated agent: connects to the WebSocket API, works through a <see cref="DemoAgentSession"/>, and when the
/// connection fails or drops, waits (1 s, 2 s, 4 s … up to <c>Demo:MaxReconnectDelaySeconds</c>) and connects again.
/// It never throws out of <see cref="RunAsync"/>: problems are logged.
/// </summary>
public sealed class DemoAgent(string agentId, string displayName, Uri endpoint, string token, DemoOptions options, TimeProvider time, ILogger logger)
{
    public string AgentId => agentId;

    public async Task RunAsync(CancellationToken stopping)
    {
        var attempt = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var client = await TrpcSocketClient.ConnectAsync(endpoint, token, stopping);
                attempt = 0;
                await new DemoAgentSession(client, agentId, displayName, options, time, logger).RunAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning("Demo agent {AgentId}: connection to {Endpoint} failed or dropped ({Reason}); retrying", agentId, endpoint, exception.Message);
            }

            attempt++;
            try
            {
                await Task.Delay(Backoff(attempt, options.MaxReconnectDelaySeconds), time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public static TimeSpan Backoff(int attempt, double maxSeconds) =>
        TimeSpan.FromSeconds(Math.Min(maxSeconds, Math.Pow(2, Math.Clamp(attempt - 1, 0, 30))));
}
