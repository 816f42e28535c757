using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Integration;

/// <summary>Every family of the app's meter is on <c>/metrics</c> from start-up: to Prometheus a missing series is not a zero.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsBaselineTests
{
    // The node publishes its presence heartbeat on its own hub from start-up, so the hub's traffic counters move with
    // no user at all; up-down counters are levels (the app's own hub subscriptions), present but not necessarily 0.
    private const string HubTraffic = "realtimeapp.events.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_ShowEveryCounterFamilyOfTheAppsMeter_AtZeroFromStartUp()
    {
        await using var factory = new RealtimeAppFactory(new Dictionary<string, string?> { ["Metrics:AllowRemote"] = "true" });
        var client = factory.CreateClient();
        var instruments = InstrumentsOf(factory.Services.GetRequiredService<IMeterFactory>());

        var exposition = await client.GetStringAsync("/metrics", Ct);

        instruments.Count.ShouldBeGreaterThan(20);
        var counters = instruments.Where(instrument => !IsHistogram(instrument)).ToList();
        counters.ShouldNotBeEmpty();
        foreach (var instrument in counters)
        {
            var samples = Samples(exposition, PrometheusName(instrument));
            samples.ShouldNotBeEmpty($"{instrument.Name} is not on /metrics at start-up");
            if (IsCounter(instrument) && !instrument.Name.StartsWith(HubTraffic, StringComparison.Ordinal))
            {
                samples.ShouldAllBe(value => value == 0, $"{instrument.Name} is not 0 at start-up");
            }
        }
    }

    /// <summary>The instruments this host created on the <c>RealtimeApp</c> meter (other hosts in the process have their own).</summary>
    private static List<Instrument> InstrumentsOf(IMeterFactory meters)
    {
        var found = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == RealtimeMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    found.Add(instrument);
                }
            },
        };
        listener.Start();
        return found;
    }

    private static bool IsHistogram(Instrument instrument) => Is(instrument, typeof(Histogram<>));

    private static bool IsCounter(Instrument instrument) => Is(instrument, typeof(Counter<>));

    private static bool Is(Instrument instrument, Type definition) => instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == definition;

    /// <summary>The exporter's name: dots become underscores, the unit is appended (By → bytes), counters end in _total.</summary>
    private static string PrometheusName(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        if (instrument.Unit == "By" && !name.EndsWith("_bytes", StringComparison.Ordinal))
        {
            name += "_bytes";
        }

        return IsCounter(instrument) ? name + "_total" : name;
    }

    private static List<double> Samples(string exposition, string name) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(name + " ", StringComparison.Ordinal) || line.StartsWith(name + "{", StringComparison.Ordinal))
            .Select(line => line[(line.LastIndexOf('}') + 1 is var start && start > 0 ? start : name.Length)..].Trim().Split(' ')[0])
            .Select(value => double.Parse(value, CultureInfo.InvariantCulture))
            .ToList();
}
