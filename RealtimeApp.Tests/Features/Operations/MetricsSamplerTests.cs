using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Operations;
using RealtimeApp.Web.Realtime;

namespace RealtimeApp.Tests.Features.Operations;

public sealed class MetricsSamplerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly MetricsSampler _sampler;
    private readonly ChatMetrics _chat;
    private readonly ConnectionMetrics _connections;

    public MetricsSamplerTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _sampler = new MetricsSampler(meters, _time);
        _chat = new ChatMetrics(meters);
        _connections = new ConnectionMetrics(meters);
    }

    public void Dispose()
    {
        _sampler.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void Sample_DividesTheChangeByTheSecondsSinceThePreviousSample()
    {
        _sampler.Sample();
        for (var i = 0; i < 6; i++)
        {
            _chat.MessagePosted("dev");
        }

        _connections.FrameSent(10);
        _connections.FrameSent(10);
        _time.Advance(TimeSpan.FromSeconds(2));

        var sample = _sampler.Sample();

        sample.MessagesInPerSecond.ShouldBe(3);
        sample.MessagesOutPerSecond.ShouldBe(1);
        sample.RoomMessages.ShouldBe(new Dictionary<string, long> { ["dev"] = 6 });
        sample.At.ShouldBe(_time.GetUtcNow());
    }

    [Fact]
    public void Sample_ReportsOpenConnectionsAsLevels_NotRates()
    {
        _connections.CircuitOpened();
        _connections.CircuitOpened();
        _connections.ApiConnectionOpened();
        _sampler.Sample();
        _connections.CircuitClosed();
        _time.Advance(TimeSpan.FromSeconds(1));

        var sample = _sampler.Sample();

        sample.Circuits.ShouldBe(1);
        sample.ApiConnections.ShouldBe(1);
        sample.MessagesInPerSecond.ShouldBe(0);
        sample.RoomMessages.ShouldBeEmpty();
    }

    [Fact]
    public void Sample_CountsThrottlingByName_WhenTheRateLimiterAddsItsCounter()
    {
        var meter = _services.GetRequiredService<IMeterFactory>().Create(RealtimeMetrics.MeterName);
        var refused = meter.CreateCounter<long>(DashboardInstruments.Throttled);
        _sampler.Sample();
        refused.Add(5);
        _time.Advance(TimeSpan.FromSeconds(1));

        _sampler.Sample().ThrottledPerSecond.ShouldBe(5);
    }

    [Fact]
    public void Sample_IgnoresMetersOfAnotherMeterFactory()
    {
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var foreign = new ChatMetrics(other.GetRequiredService<IMeterFactory>());
        _sampler.Sample();
        foreign.MessagePosted("dev");
        _time.Advance(TimeSpan.FromSeconds(1));

        _sampler.Sample().MessagesInPerSecond.ShouldBe(0);
    }

    [Fact]
    public void History_KeepsTenMinutesOfSamples()
    {
        for (var i = 0; i < MetricsSampler.Capacity + 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            _sampler.Sample();
        }

        var history = _sampler.History;

        history.Count.ShouldBe(MetricsSampler.Capacity);
        history[^1].At.ShouldBe(_time.GetUtcNow());
        (history[^1].At - history[0].At).ShouldBe(TimeSpan.FromSeconds(MetricsSampler.Capacity - 1));
    }
}
