using RealtimeApp.Client;

namespace RealtimeApp.Web.Features.Demo;

/// <summary>
/// One simulated agent: a <see cref="RealtimeClient"/> (which keeps the connection up, waiting 1 s, 2 s, 4 s … up to
/// <c>Demo:MaxReconnectDelaySeconds</c> between attempts) and a <see cref="DemoAgentSession"/> run again whenever one
/// ends with a failure. It never throws out of <see cref="RunAsync"/>: problems are logged, and it stops only with
/// the app or when the server refuses its token.
/// </summary>
public sealed class DemoAgent(string agentId, string displayName, Uri endpoint, string token, DemoOptions options, TimeProvider time, ILogger logger)
{
    public string AgentId => agentId;

    public async Task RunAsync(CancellationToken stopping)
    {
        await using var client = new RealtimeClient(new RealtimeClientOptions
        {
            ServerUrl = endpoint,
            Token = token,
            Reconnect = new ReconnectPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(options.MaxReconnectDelaySeconds), Jitter: 0.2),
            Time = time,
            Logger = logger,
        });
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            var session = new DemoAgentSession(client, agentId, displayName, options, time, logger);
            try
            {
                await session.RunAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (RealtimeConnectionException refused) when (refused.IsFinal)
            {
                logger.LogError("Demo agent {AgentId} stops: {Reason}", agentId, refused.Message);
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning("Demo agent {AgentId}: its session with {Endpoint} failed ({Reason}); starting again", agentId, endpoint, exception.Message);
            }

            // A lost connection is the client's to restore (it backs off on its own); a session that keeps failing
            // once connected (refused reports, say) backs off here too instead of spinning.
            failures = session.Started ? 1 : failures + 1;
            try
            {
                await Task.Delay(Backoff(failures, options.MaxReconnectDelaySeconds), time, stopping);
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
