using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Client;

namespace RealtimeApp.Tests.Client;

/// <summary>Back-off between attempts, on a fake clock, against an address nothing listens on.</summary>
public sealed class ReconnectTests
{
    [Theory]
    [InlineData(1, 0.5, 1_000)]
    [InlineData(2, 0.5, 2_000)]
    [InlineData(3, 0.5, 4_000)]
    [InlineData(6, 0.5, 30_000)]
    [InlineData(20, 0.5, 30_000)]
    [InlineData(1, 0.0, 800)]
    [InlineData(1, 0.999999, 1_200)]
    [InlineData(6, 0.999999, 30_000)]
    public void DefaultPolicy_DoublesFromOneSecondUpToThirty_WithinTwentyPercent(int attempt, double random, double milliseconds) =>
        new ReconnectPolicy().DelayBefore(attempt, random).TotalMilliseconds.ShouldBe(milliseconds, tolerance: 1);

    [Fact]
    public async Task Client_WaitsLongerBeforeEachAttempt_AsThePolicySays()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var states = new List<ConnectionState>();
        await using var client = new RealtimeClient(new RealtimeClientOptions
        {
            ServerUrl = new Uri($"ws://127.0.0.1:{UnusedPort()}/api/ws"),
            Token = "rt_unused",
            Reconnect = new ReconnectPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), Jitter: 0),
            Time = time,
        });
        client.StateChanged += (_, state) => { lock (states) { states.Add(state); } };

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await Realtime.Support.Eventually.WaitUntilAsync(() => Reconnecting().Count >= attempt, $"attempt {attempt} is announced");
            time.Advance(Reconnecting()[attempt - 1].Delay);
        }

        Reconnecting().Select(state => (state.Attempt, state.Delay.TotalSeconds)).Take(4).ShouldBe([(1, 1.0), (2, 2.0), (3, 4.0), (4, 4.0)]);

        List<ConnectionState> Reconnecting()
        {
            lock (states)
            {
                return states.Where(state => state.Phase == ConnectionPhase.Reconnecting).ToList();
            }
        }
    }

    [Fact]
    public async Task Request_WaitsForTheConnection_ThenFailsClearly_WhenItDoesNotComeBackInTime()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var client = new RealtimeClient(new RealtimeClientOptions
        {
            ServerUrl = new Uri($"ws://127.0.0.1:{UnusedPort()}/api/ws"),
            Token = "rt_unused",
            RequestTimeout = TimeSpan.FromSeconds(5),
            Time = time,
        });

        var call = client.Rooms.ListAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(4));
        var stillWaiting = !call.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        var failed = await Should.ThrowAsync<RealtimeConnectionException>(() => call);

        stillWaiting.ShouldBeTrue("a request made while the client reconnects waits");
        failed.Message.ShouldBe("No answer to rooms.list within 5 s.");
        failed.IsFinal.ShouldBeFalse();
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
