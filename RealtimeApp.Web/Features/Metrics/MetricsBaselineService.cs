using OpenTelemetry.Metrics;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Features.Metrics;

/// <summary>
/// At start-up, builds the meter provider (so it listens) and then has every <see cref="IInstrumentBaseline"/> record
/// its zeros: a zero recorded before the provider listens would be lost.
/// </summary>
internal sealed class MetricsBaselineService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService<MeterProvider>();
        foreach (var baseline in services.GetServices<IInstrumentBaseline>())
        {
            baseline.RecordZeros();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
