using System.Net.Http.Headers;
using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Realtime.Http;

/// <summary>Batches streamed as JSON Lines for <c>httpBatchStreamLink</c> (TRPC_HTTP_PROTOCOL §4.3).</summary>
public sealed class JsonLinesTests : ApiTestBase
{
    [Fact]
    public async Task Stream_SendsEachCallAsItFinishes_AfterAHeadOfPlaceholders()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Base + "slow,no.such,fast?batch=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestApiAuthenticator.AliceToken);
        request.Headers.Add("trpc-accept", "application/jsonl");
        using var response = await Host.CreateHttpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var head = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
        var early = new[] { await reader.ReadLineAsync(TestContext.Current.CancellationToken), await reader.ReadLineAsync(TestContext.Current.CancellationToken) };
        Host.State.SlowGate.TrySetResult();
        var late = await reader.ReadLineAsync(TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(200);
        head.ShouldBe("""{"0":[[0],[null,0,0]],"1":[[0],[null,0,1]],"2":[[0],[null,0,2]]}""");
        early.ShouldBe(
            [
                """[1,0,[[{"error":{"message":"No procedure found on path \"no.such\"","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":"no.such"}}}]]]""",
                """[2,0,[[{"result":{"data":"fast"}}]]]""",
            ],
            ignoreOrder: true);
        late.ShouldBe("""[0,0,[[{"result":{"data":"slow"}}]]]""");
        (await reader.ReadLineAsync(TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Stream_IsChosenByTheAcceptHeaderToo()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "fast?batch=1", configure: request => request.Headers.Add("Accept", "application/jsonl"));

        answer.Body.ShouldBe("{\"0\":[[0],[null,0,0]]}\n[0,0,[[{\"result\":{\"data\":\"fast\"}}]]]\n");
    }

    [Fact]
    public async Task Stream_MustBeABatch()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "fast", configure: request => request.Headers.Add("trpc-accept", "application/jsonl"));

        answer.Status.ShouldBe(400);
        answer.Body.ShouldBe("""{"error":{"message":"Streaming requests must be batched (you can do a batch of 1)","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400}}}""");
    }
}
