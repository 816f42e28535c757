using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Chat.Api;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Tests.Features.Chat.Api;

public sealed class OnMessageOverflowTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stream_DeliversEveryMessageOnceInOrder_WhenTheSubscriberFallsFarBehind()
    {
        var ana = await _host.CreateUserAsync("ana");
        await using var scope = _host.Services.CreateAsyncScope();
        var context = new ProcedureContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, ana.Id), new Claim(ClaimTypes.Name, ana.Email)], "Test")),
            Services = scope.ServiceProvider,
            CancellationToken = TestContext.Current.CancellationToken,
            ConnectionId = "test",
            Path = "chat.onMessage",
            Type = ProcedureType.Subscription,
        };
        var stream = await RoomMessageStream.OpenAsync(context, new OnMessageInput(Room.GeneralId), message => message);
        var count = 2 * RoomMessageStream.BufferCapacity + 100;

        // Nobody reads while they are posted: the stream's buffer overflows.
        var writer = _host.Get<MessageWriter>();
        await Task.WhenAll(Enumerable.Range(1, count).Select(i =>
            writer.WriteAsync(new NewMessage(Room.GeneralId, ana.Id, ana.Email, $"message {i}", []), TestContext.Current.CancellationToken)));

        var received = new List<long>();
        await foreach (var item in stream.WithCancellation(TestContext.Current.CancellationToken))
        {
            received.Add(long.Parse(item.Id, CultureInfo.InvariantCulture));
            if (received.Count == count)
            {
                break;
            }
        }

        received.ShouldBe(SequenceRange.Of(1, count), "the buffered messages, then the rest read back from the database");
    }
}
