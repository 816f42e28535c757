using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Realtime.Http;

/// <summary>Subscriptions as Server-Sent Events (TRPC_HTTP_PROTOCOL §5, §9.9–14), framing checked byte for byte.</summary>
public sealed class SseTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Api:SsePingSeconds"] = "0.2", ["Api:SseReconnectAfterInactivitySeconds"] = "30" };

    [Fact]
    public async Task Subscription_StreamsConnectedEventsAndReturn_WhenItEnds()
    {
        await using var stream = await SseStream.OpenAsync(Host.CreateHttpClient(), Base + "finite", TestApiAuthenticator.AliceToken);

        var events = new[] { await stream.NextAsync(), await stream.NextNotPingAsync(), await stream.NextNotPingAsync(), await stream.NextNotPingAsync(), await stream.NextNotPingAsync() };

        stream.Status.ShouldBe(200);
        stream.ContentType.ShouldBe("text/event-stream");
        stream.Headers.CacheControl!.NoCache.ShouldBeTrue();
        stream.Headers.CacheControl.NoTransform.ShouldBeTrue();
        stream.Headers.GetValues("X-Accel-Buffering").ShouldBe(["no"]);
        events.ShouldBe([SseEvents.Connected, SseEvents.Data("1"), SseEvents.Data("2"), SseEvents.Return, null]);
    }

    [Fact]
    public async Task TrackedSubscription_SendsEachEventWithItsId()
    {
        await using var stream = await SseStream.OpenAsync(Host.CreateHttpClient(), Base + "progress?input=" + Input("""{"taskId":"t1"}"""), TestApiAuthenticator.AliceToken);

        await stream.NextAsync();
        var first = await stream.NextNotPingAsync();

        first.ShouldBe(SseEvents.Tracked("""{"seq":1,"taskId":"t1","progress":10}""", "1"));
    }

    [Fact]
    public async Task Resume_StartsAfterTheLastEventIdHeader_WhichWinsOverTheInputs()
    {
        await using var stream = await SseStream.OpenAsync(
            Host.CreateHttpClient(),
            Base + "progress?lastEventId=1&input=" + Input("""{"taskId":"t1","lastEventId":"0"}"""),
            TestApiAuthenticator.AliceToken,
            request => request.Headers.Add("Last-Event-ID", "2"));

        await stream.NextAsync();
        var events = new[] { await stream.NextNotPingAsync(), await stream.NextNotPingAsync() };

        events.ShouldBe([SseEvents.Tracked("""{"seq":3,"taskId":"t1","progress":30}""", "3"), SseEvents.Return]);
    }

    [Theory]
    [InlineData("?lastEventId=2&Last-Event-Id=1")]
    [InlineData("?Last-Event-Id=2")]
    public async Task Resume_ReadsTheQuery_WhenThereIsNoHeader(string query)
    {
        await using var stream = await SseStream.OpenAsync(Host.CreateHttpClient(), Base + "progress" + query + "&input=" + Input("""{"taskId":"t1"}"""), TestApiAuthenticator.AliceToken);

        await stream.NextAsync();
        var next = await stream.NextNotPingAsync();

        next.ShouldBe(SseEvents.Tracked("""{"seq":3,"taskId":"t1","progress":30}""", "3"));
    }

    [Fact]
    public async Task Resume_MergesTheIdIntoAnAbsentInput()
    {
        await using var stream = await SseStream.OpenAsync(Host.CreateHttpClient(), Base + "inputOnce", TestApiAuthenticator.AliceToken, request => request.Headers.Add("Last-Event-ID", "5"));

        await stream.NextAsync();
        var next = await stream.NextNotPingAsync();

        next.ShouldBe(SseEvents.Data("""{"lastEventId":"5"}"""));
    }

    [Fact]
    public async Task Refusal_IsASerializedErrorAfterConnected_WhenTheTokenIsBad()
    {
        await using var stream = await SseStream.OpenAsync(Host.CreateHttpClient(), Base + "finite", bearer: "stolen");

        var events = new[] { await stream.NextAsync(), await stream.NextAsync(), await stream.NextAsync() };

        stream.Status.ShouldBe(200);
        events.ShouldBe([SseEvents.Connected, SseEvents.Error("""{"message":"invalid token","code":-32001,"data":{"code":"UNAUTHORIZED","httpStatus":401,"path":"finite"}}"""), null]);
    }

    [Fact]
    public async Task Failure_DuringTheStream_IsASerializedErrorWithoutInternals()
    {
        await using var stream = await SseStream.OpenAsync(Host.CreateHttpClient(), Base + "crashing", TestApiAuthenticator.AliceToken);

        await stream.NextAsync();
        var events = new[] { await stream.NextNotPingAsync(), await stream.NextNotPingAsync(), await stream.NextAsync() };

        events.ShouldBe([SseEvents.Data("\"one\""), SseEvents.Error("""{"message":"Internal server error","code":-32603,"data":{"code":"INTERNAL_SERVER_ERROR","httpStatus":500,"path":"crashing"}}"""), null]);
    }

    [Fact]
    public async Task SetUpError_IsASerializedError_WithTheProceduresCode()
    {
        await using var stream = await SseStream.OpenAsync(Host.CreateHttpClient(), Base + "guarded", TestApiAuthenticator.AliceToken);

        await stream.NextAsync();
        var next = await stream.NextNotPingAsync();

        next.ShouldBe(SseEvents.Error("""{"message":"not a member","code":-32003,"data":{"code":"FORBIDDEN","httpStatus":403,"path":"guarded"}}"""));
    }

    [Fact]
    public async Task Ping_IsSent_WhenTheStreamIsSilent()
    {
        await using var stream = await SseStream.OpenAsync(Host.CreateHttpClient(), Base + "forever", TestApiAuthenticator.AliceToken);
        await stream.NextAsync();
        var ready = await stream.NextAsync();

        var next = await stream.NextAsync();

        ready.ShouldBe(SseEvents.Data("\"ready\""));
        next.ShouldBe(SseEvents.Ping);
    }

    [Fact]
    public async Task Post_IsAnsweredOnTheStreamWith405()
    {
        var answer = await Host.CreateHttpClient().PostTrpcAsync(Base + "finite", "");

        answer.Status.ShouldBe(200);
        answer.Allow.ShouldBe("GET");
        answer.Body.ShouldBe(SseEvents.Connected + SseEvents.Error("""{"message":"Unsupported POST-request to subscription procedure at path \"finite\"","code":-32005,"data":{"code":"METHOD_NOT_SUPPORTED","httpStatus":405,"path":"finite"}}"""));
    }

    [Fact]
    public async Task Stream_IsListedAndCounted_WhileOpen_AndEndsWithoutReturn_WhenTheServerClosesIt()
    {
        await using var stream = await SseStream.OpenAsync(Host.CreateHttpClient(), Base + "forever", TestApiAuthenticator.AliceToken);
        await stream.NextAsync();
        await stream.NextNotPingAsync();
        await Eventually.WaitUntilAsync(() => Host.Registry.Count == 1, "the stream is registered");

        var closed = Host.Registry.CloseUserConnections("alice", "token revoked");
        var rest = await stream.NextNotPingAsync();

        closed.ShouldBe(1);
        rest.ShouldBeNull();
        await Eventually.WaitUntilAsync(() => Host.Registry.Count == 0, "the stream has left the registry");
    }
}
