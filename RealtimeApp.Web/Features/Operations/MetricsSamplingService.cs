namespace RealtimeApp.Web.Features.Operations;

/// <summary>Takes one <see cref="MetricsSampler"/> sample a second on the app's <see cref="TimeProvider"/>.</summary>
public sealed class MetricsSamplingService(MetricsSampler sampler, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        sampler.Sample();
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                sampler.Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
