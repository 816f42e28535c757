using RealtimeApp.Web.Features.Connection.Store;

namespace RealtimeApp.Tests.Features.Connection;

public sealed class ConnectionReducersTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnEstablished_RecordsSince_WhenFirstConnected()
    {
        var state = new ConnectionState();

        var next = ConnectionReducers.OnEstablished(state, new ConnectionEstablished(At));

        next.ShouldBe(new ConnectionState { Status = ConnectionStatus.Connected, Since = At });
    }

    [Fact]
    public void OnLost_SetsReconnecting_WhenConnected()
    {
        var state = new ConnectionState { Since = At, ReconnectCount = 2 };

        var next = ConnectionReducers.OnLost(state, new ConnectionLost(At.AddMinutes(1)));

        next.ShouldBe(new ConnectionState { Status = ConnectionStatus.Reconnecting, Since = At.AddMinutes(1), ReconnectCount = 2 });
    }

    [Fact]
    public void OnLost_ReturnsSameState_WhenAlreadyReconnecting()
    {
        var state = new ConnectionState { Status = ConnectionStatus.Reconnecting, Since = At };

        var next = ConnectionReducers.OnLost(state, new ConnectionLost(At.AddMinutes(1)));

        next.ShouldBeSameAs(state);
    }

    [Fact]
    public void OnRestored_CountsTheReconnect_WhenReconnecting()
    {
        var state = new ConnectionState { Status = ConnectionStatus.Reconnecting, Since = At, ReconnectCount = 1 };

        var next = ConnectionReducers.OnRestored(state, new ConnectionRestored(At.AddSeconds(5)));

        next.ShouldBe(new ConnectionState { Status = ConnectionStatus.Connected, Since = At.AddSeconds(5), ReconnectCount = 2 });
    }

    [Fact]
    public void OnRestored_ReturnsSameState_WhenAlreadyConnected()
    {
        var state = new ConnectionState { Since = At };

        var next = ConnectionReducers.OnRestored(state, new ConnectionRestored(At.AddSeconds(5)));

        next.ShouldBeSameAs(state);
    }

    [Fact]
    public void OnClosed_SetsOffline_WhenReconnecting()
    {
        var state = new ConnectionState { Status = ConnectionStatus.Reconnecting, Since = At };

        var next = ConnectionReducers.OnClosed(state, new ConnectionClosed(At.AddMinutes(3)));

        next.ShouldBe(new ConnectionState { Status = ConnectionStatus.Offline, Since = At.AddMinutes(3) });
    }
}
