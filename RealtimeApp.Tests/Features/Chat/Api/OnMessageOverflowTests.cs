using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Chat.Api;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Tests.Features.Chat.Api;

public sealed class OnMessageOverflowTests : IAsyncLifetime
{
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stream_DeliversWhatWasBufferedThenFailsInsteadOfSkipping_WhenSubscriberFallsTooFarBehind()
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
        var hub = _host.Get<EventHub>();

        for (var sequence = 1; sequence <= 2 * RoomMessageStream.BufferCapacity; sequence++)
        {
            hub.Publish(new MessagePosted(Room.GeneralId, sequence, $"{sequence}", ana.Id, ana.Email, $"message {sequence}", DateTimeOffset.UnixEpoch, []));
        }

        var received = new List<long>();
        var failure = await Should.ThrowAsync<TrpcException>(async () =>
        {
            await foreach (var item in stream.WithCancellation(TestContext.Current.CancellationToken))
            {
                received.Add(long.Parse(item.Id, System.Globalization.CultureInfo.InvariantCulture));
            }
        });
        failure.Code.ShouldBe(TrpcErrorCode.ServiceUnavailable);
        received.ShouldBe(SequenceRange.Of(1, received.Count), "whatever arrived is a gap-free prefix");
        received.Count.ShouldBe(RoomMessageStream.BufferCapacity, "the buffer is delivered, then the error");
    }
}
