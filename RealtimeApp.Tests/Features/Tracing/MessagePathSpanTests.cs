using System.Diagnostics;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.Chat.Api.Support;
using RealtimeApp.Tests.Features.Tracing.Support;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Features.Tracing;

/// <summary>An operator can follow one message from the API call to the subscriber it was delivered to.</summary>
public sealed class MessagePathSpanTests : IAsyncLifetime
{
    private readonly SpanRecorder _spans = new();
    private ChatApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ChatApiHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _spans.Dispose();
    }

    [Fact]
    public async Task ChatSend_IsOneTraceFromCallToDelivery_WithTheBatchCommitLinkedToIt()
    {
        var admin = await _host.CreateUserAsync("ada", Roles.Admin);
        var roomId = await _host.CreateRoomAsync(admin, "traced-" + Guid.NewGuid().ToString("N")[..8]);
        var subscriber = await _host.ConnectAsync(admin);
        await subscriber.SendAsync($$$"""{"id":1,"method":"subscription","params":{"input":{"roomId":"{{{roomId}}}"},"path":"chat.onMessage"}}""");
        (await subscriber.ReceiveAsync()).ShouldContain("started");
        var sender = await _host.ConnectAsync(admin);

        await sender.SendAsync("""{"id":7,"method":"mutation","params":{"path":"chat.send","input":{"roomId":""" + $"\"{roomId}\"" + ""","text":"traced"}}}""");
        (await sender.ReceiveAsync()).ShouldContain("\"result\"");
        (await subscriber.ReceiveAsync()).ShouldContain("traced");
        await Eventually.WaitUntilAsync(() => DeliveryIn(roomId) is not null, "the delivery span has ended");

        var post = _spans.Named("chat.post").Single(span => Equals(span.GetTagItem("chat.room"), roomId));
        var call = _spans.Named("api.call").Single(span => span.SpanId == post.ParentSpanId);
        call.TraceId.ShouldBe(post.TraceId);
        call.GetTagItem("rpc.method").ShouldBe("chat.send");
        call.GetTagItem("transport").ShouldBe("websocket");
        call.Status.ShouldBe(ActivityStatusCode.Unset);
        var publish = PublishIn(roomId);
        var commit = _spans.Named("chat.commit").Single(span => span.SpanId == publish.ParentSpanId);
        commit.Links.ShouldContain(link => link.Context.TraceId == post.TraceId && link.Context.SpanId == post.SpanId);
        var delivery = DeliveryIn(roomId)!;
        delivery.TraceId.ShouldBe(publish.TraceId);
        delivery.ParentSpanId.ShouldBe(publish.SpanId);
        delivery.GetTagItem("rpc.method").ShouldBe("chat.onMessage");
    }

    [Fact]
    public async Task ApiCall_IsMarkedFailed_WithTheErrorCode_WhenTheCallFails()
    {
        var ana = await _host.CreateUserAsync("ana");
        var client = await _host.ConnectAsync(ana);
        var missing = "no-such-room-" + Guid.NewGuid().ToString("N");

        await client.SendAsync("""{"id":3,"method":"mutation","params":{"path":"chat.send","input":{"roomId":""" + $"\"{missing}\"" + ""","text":"lost"}}}""");
        (await client.ReceiveAsync()).ShouldContain("\"error\"");
        await Eventually.WaitUntilAsync(() => FailedPostTo(missing) is not null, "the failed call's span has ended");

        var call = FailedPostTo(missing)!;
        call.Status.ShouldBe(ActivityStatusCode.Error);
        call.GetTagItem("trpc.error_code").ShouldBe("NOT_FOUND");
    }

    private Activity PublishIn(string roomId) => _spans.Named("chat.publish").Single(span => Equals(span.GetTagItem("chat.room"), roomId));

    private Activity? DeliveryIn(string roomId)
    {
        var publish = _spans.Named("chat.publish").SingleOrDefault(span => Equals(span.GetTagItem("chat.room"), roomId));
        return publish is null ? null : _spans.Named("api.deliver").SingleOrDefault(span => span.ParentSpanId == publish.SpanId);
    }

    private Activity? FailedPostTo(string roomId)
    {
        var post = _spans.Named("chat.post").FirstOrDefault(span => Equals(span.GetTagItem("chat.room"), roomId));
        return post is null ? null : _spans.Named("api.call").SingleOrDefault(span => span.SpanId == post.ParentSpanId);
    }
}
