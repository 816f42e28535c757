using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Realtime.Http;

/// <summary>Queries and mutations over <c>/api/trpc</c> (TRPC_HTTP_PROTOCOL §2–3), against the engine's test procedures.</summary>
public sealed class HttpCallTests : ApiTestBase
{
    [Fact]
    public async Task Get_AnswersOneObject_WhenNotBatched()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "rooms.list");

        answer.Status.ShouldBe(200);
        answer.ContentType.ShouldBe("application/json");
        answer.Vary.ShouldBe("trpc-accept, accept");
        answer.Body.ShouldBe("""{"result":{"data":[{"id":"general","name":"#general","messageCount":0,"lastMessageAt":null},{"id":"random","name":"#random","messageCount":0,"lastMessageAt":null}]}}""");
    }

    [Fact]
    public async Task Get_PassesTheBareInput_WhenNotBatched()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "echo?input=" + Input("""{"a b&c=d/é":[1,null]}"""));

        answer.Body.ShouldBe("""{"result":{"data":{"got":{"a b&c=d/é":[1,null]}}}}""");
    }

    [Fact]
    public async Task GetBatch_AnswersInCallOrder_WhenSomeInputsAreMissing()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "echo,echo?batch=1&input=" + Input("""{"1":"second","7":"nobody"}"""));

        answer.Status.ShouldBe(200);
        answer.Body.ShouldBe("""[{"result":{"data":{"got":"<undefined>"}}},{"result":{"data":{"got":"second"}}}]""");
    }

    [Fact]
    public async Task PostBatch_RunsEveryMutation_WhenInputsAreKeyedByIndex()
    {
        var answer = await Host.CreateHttpClient().PostTrpcAsync(
            Base + "chat.send,chat.send?batch=1", """{"0":{"roomId":"general","message":"one"},"1":{"roomId":"general","message":"two"}}""");

        answer.Status.ShouldBe(200);
        answer.Body.ShouldBe("""[{"result":{"data":{"id":"1","roomId":"general","userId":"alice","message":"one"}}},{"result":{"data":{"id":"1","roomId":"general","userId":"alice","message":"two"}}}]""");
    }

    [Fact]
    public async Task Post_AnswersAResultWithoutData_WhenTheMutationReturnsNothing()
    {
        var answer = await Host.CreateHttpClient().PostTrpcAsync(Base + "voidMutation", "");

        answer.Status.ShouldBe(200);
        answer.Body.ShouldBe("""{"result":{}}""");
    }

    [Fact]
    public async Task Batch_Answers207_WhenEntriesDisagree()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "fast,boom?batch=1");

        answer.Status.ShouldBe(207);
        answer.Body.ShouldBe("""[{"result":{"data":"fast"}},{"error":{"message":"Internal server error","code":-32603,"data":{"code":"INTERNAL_SERVER_ERROR","httpStatus":500,"path":"boom"}}}]""");
        answer.Body.ShouldNotContain(TestProcedures.Secret);
    }

    [Fact]
    public async Task Batch_AnswersTheCommonStatus_WhenEveryEntryFailsAlike()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "no.one,no.two?batch=1");

        answer.Status.ShouldBe(404);
        answer.Body.ShouldBe("""[{"error":{"message":"No procedure found on path \"no.one\"","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":"no.one"}}},{"error":{"message":"No procedure found on path \"no.two\"","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":"no.two"}}}]""");
    }

    [Fact]
    public async Task Error_KeepsTheProceduresCodeAndData_WhenItThrowsATrpcError()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "limited");

        answer.Status.ShouldBe(429);
        answer.Body.ShouldBe("""{"error":{"message":"Slow down","code":-32029,"data":{"code":"TOO_MANY_REQUESTS","httpStatus":429,"path":"limited","retryAfterMs":1500}}}""");
    }

    [Fact]
    public async Task Calls_RunOnTheSameProcedures_WhenSentOverBothTransports()
    {
        var http = Host.CreateHttpClient();
        await http.PostTrpcAsync(Base + "counter.increment", "");
        var socket = await ConnectAliceAsync();
        await socket.SendAsync("""{"id":1,"method":"mutation","params":{"path":"counter.increment"}}""");
        await socket.ReceiveAsync();

        var answer = await http.GetTrpcAsync(Base + "counter.get");

        answer.Body.ShouldBe("""{"result":{"data":2}}""");
    }
}
