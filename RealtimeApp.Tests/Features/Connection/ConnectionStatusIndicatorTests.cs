using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RealtimeApp.Web.Features.Connection;
using RealtimeApp.Web.Features.Connection.Store;

namespace RealtimeApp.Tests.Features.Connection;

public sealed class ConnectionStatusIndicatorTests : ConnectionTestContext
{
    public static TheoryData<object[], string> Transitions => new()
    {
        { [], "Connected" },
        { [new ConnectionLost(DateTimeOffset.UnixEpoch)], "Reconnecting…" },
        { [new ConnectionLost(DateTimeOffset.UnixEpoch), new ConnectionRestored(DateTimeOffset.UnixEpoch)], "Connected" },
        { [new ConnectionClosed(DateTimeOffset.UnixEpoch)], "Offline" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Render_ShowsStatusTextAndLabel_WhenStateChanges(object[] actions, string expected)
    {
        var cut = Render<ConnectionStatusIndicator>();
        await Store.InitializeAsync();

        foreach (var action in actions)
        {
            Dispatcher.Dispatch(action);
        }

        cut.WaitForAssertion(() =>
        {
            var chip = cut.Find("[role=status]");
            chip.TextContent.Trim().ShouldBe(expected);
            chip.GetAttribute("aria-label").ShouldBe($"Connection status: {expected}");
        });
    }

    [Fact]
    public async Task Render_ShowsReconnectCountAsTitle_WhenReconnectedTwice()
    {
        var cut = Render<ConnectionStatusIndicator>();
        await Store.InitializeAsync();

        for (var i = 0; i < 2; i++)
        {
            Dispatcher.Dispatch(new ConnectionLost(Time.GetUtcNow()));
            Dispatcher.Dispatch(new ConnectionRestored(Time.GetUtcNow()));
        }

        cut.WaitForAssertion(() => cut.Find("[role=status]").GetAttribute("title").ShouldBe("Reconnected 2 times"));
    }

    [Fact]
    public async Task ConnectionRestored_ShowsReconnectedSnackbar_WhenTheConnectionCameBack()
    {
        var snackbar = Services.GetRequiredService<ISnackbar>();
        await Store.InitializeAsync();
        Dispatcher.Dispatch(new ConnectionLost(Time.GetUtcNow()));

        Dispatcher.Dispatch(new ConnectionRestored(Time.GetUtcNow()));

        var shown = snackbar.ShownSnackbars.ShouldHaveSingleItem();
        shown.Message.ShouldBe(ConnectionEffects.ReconnectedMessage);
        shown.Severity.ShouldBe(Severity.Success);
    }
}
