using RealtimeApp.Tests.Realtime.Http.Support;
using RealtimeApp.Tests.Realtime.Support;
using static RealtimeApp.Tests.Realtime.Http.Support.TrpcHttp;

namespace RealtimeApp.Tests.Realtime.Http;

/// <summary>What bad requests to <c>/api/trpc</c> get (TRPC_HTTP_PROTOCOL §2.4–2.6), with the bodies of the probe captures.</summary>
public sealed class HttpRequestErrorTests : ApiTestBase
{
    [Fact]
    public async Task MutationSentAsGet_Answers405WithAllowPost_EvenWithoutAToken()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "chat.send?batch=1&input=" + Input("""{"0":{"roomId":"general","message":"x"}}"""), bearer: null);

        answer.Status.ShouldBe(405);
        answer.Allow.ShouldBe("POST");
        answer.Body.ShouldBe("""[{"error":{"message":"Unsupported GET-request to mutation procedure at path \"chat.send\"","code":-32005,"data":{"code":"METHOD_NOT_SUPPORTED","httpStatus":405,"path":"chat.send"}}}]""");
    }

    [Fact]
    public async Task QuerySentAsPost_Answers405WithAllowGet()
    {
        var answer = await Host.CreateHttpClient().PostTrpcAsync(Base + "rooms.list?batch=1", "{}");

        answer.Status.ShouldBe(405);
        answer.Allow.ShouldBe("GET");
        answer.Body.ShouldBe("""[{"error":{"message":"Unsupported POST-request to query procedure at path \"rooms.list\"","code":-32005,"data":{"code":"METHOD_NOT_SUPPORTED","httpStatus":405,"path":"rooms.list"}}}]""");
    }

    [Fact]
    public async Task UnknownPath_Answers404_EvenWithoutAToken()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "rooms.nope", bearer: null);

        answer.Status.ShouldBe(404);
        answer.Body.ShouldBe("""{"error":{"message":"No procedure found on path \"rooms.nope\"","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":"rooms.nope"}}}""");
    }

    [Fact]
    public async Task BasePath_Answers404ForTheEmptyPath()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync("/api/trpc");

        answer.Status.ShouldBe(404);
        answer.Body.ShouldBe("""{"error":{"message":"No procedure found on path \"\"","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":""}}}""");
    }

    [Theory]
    [InlineData("rooms.list/")]
    [InlineData("rooms%2Elist")]
    public async Task Path_IsFound_WhenItHasATrailingSlashOrIsPercentEncoded(string path)
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + path);

        answer.Status.ShouldBe(200);
    }

    [Fact]
    public async Task Head_Answers204WithNoBody()
    {
        var answer = await Host.CreateHttpClient().SendTrpcAsync(new HttpRequestMessage(HttpMethod.Head, Base + "rooms.list"), bearer: null);

        answer.Status.ShouldBe(204);
        answer.Body.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "Missing content-type header")]
    [InlineData("text/plain", "Unsupported content-type \\\"text/plain\\\": send application/json")]
    public async Task Post_Answers415_WhenTheBodyIsNotDeclaredJson(string? contentType, string message)
    {
        var answer = await Host.CreateHttpClient().PostTrpcAsync(Base + "chat.send?batch=1", """{"0":{"roomId":"general","message":"x"}}""", contentType);

        answer.Status.ShouldBe(415);
        answer.Body.ShouldBe($$$$"""{"error":{"message":"{{{{message}}}}","code":-32015,"data":{"code":"UNSUPPORTED_MEDIA_TYPE","httpStatus":415}}}""");
    }

    [Fact]
    public async Task Post_AcceptsJson_WhateverItsCaseAndParameters()
    {
        var answer = await Host.CreateHttpClient().PostTrpcAsync(Base + "voidMutation", "", "Application/JSON; charset=utf-8");

        answer.Status.ShouldBe(200);
    }

    [Fact]
    public async Task Options_Answers415_SinceTheApiDoesNoCors()
    {
        var answer = await Host.CreateHttpClient().SendTrpcAsync(new HttpRequestMessage(HttpMethod.Options, Base + "rooms.list"), bearer: null);

        answer.Status.ShouldBe(415);
    }

    [Fact]
    public async Task Batch_FailsAsAWhole_WhenItHasMoreThan50Calls()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + string.Join(",", Enumerable.Repeat("fast", 51)) + "?batch=1");

        answer.Status.ShouldBe(400);
        answer.Body.ShouldBe("""{"error":{"message":"Batch call exceeds maximum size (50 calls)","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400}}}""");
    }

    [Fact]
    public async Task Batch_RunsEveryCall_WhenItHas50()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + string.Join(",", Enumerable.Repeat("fast", 50)) + "?batch=1");

        answer.Status.ShouldBe(200);
        answer.Body.ShouldBe("[" + string.Join(",", Enumerable.Repeat("""{"result":{"data":"fast"}}""", 50)) + "]");
    }

    [Fact]
    public async Task Batch_FailsAsAWhole_WhenItMixesQueriesAndMutations()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "rooms.list,chat.send?batch=1");

        answer.Status.ShouldBe(400);
        answer.Body.ShouldBe("""{"error":{"message":"Cannot mix procedure types in call: query, mutation","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400}}}""");
    }

    [Fact]
    public async Task Batch_RefusesASubscription()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "finite?batch=1");

        answer.Status.ShouldBe(400);
        answer.Body.ShouldBe("""[{"error":{"message":"Cannot batch subscription calls","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"finite"}}}]""");
    }

    [Fact]
    public async Task InputNotJson_FailsTheCall_WhenTheProcedureTakesAnInput()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "echo?input=%7Bnot-json");

        answer.Status.ShouldBe(400);
        answer.Body.ShouldBe("""{"error":{"message":"input is not valid JSON (line 1, byte 2)","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"echo"}}}""");
    }

    [Fact]
    public async Task InputNotJson_IsNeverRead_WhenTheProcedureTakesNoInput()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "rooms.list?input=%7Bnot-json");

        answer.Status.ShouldBe(200);
    }

    [Fact]
    public async Task BodyNotJson_FailsTheCall_AndRunsNothing()
    {
        var answer = await Host.CreateHttpClient().PostTrpcAsync(Base + "counter.increment?batch=1", """{"0":{"x":1,}}""");

        answer.Status.ShouldBe(400);
        answer.Body.ShouldBe("""[{"error":{"message":"input is not valid JSON (line 1, byte 13)","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"counter.increment"}}}]""");
        Host.State.Counter.ShouldBe(0);
    }

    [Fact]
    public async Task BatchInput_MustBeAnObject()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "echo?batch=1&input=" + Input("""[{"roomId":1}]"""));

        answer.Status.ShouldBe(400);
        answer.Body.ShouldBe("""[{"error":{"message":"\"input\" needs to be an object when doing a batch call","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"echo"}}}]""");
    }

    [Fact]
    public async Task Validation_FailsTheCall_WithTheFieldsNamed()
    {
        var answer = await Host.CreateHttpClient().PostTrpcAsync(Base + "chat.send", """{"roomId":"general","message":""}""");

        answer.Status.ShouldBe(400);
        answer.Body.ShouldBe("""{"error":{"message":"message: Must be 1 to 500 characters","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"chat.send","issues":[{"path":"message","message":"Must be 1 to 500 characters"}]}}}""");
    }

    [Fact]
    public async Task Body_FailsEveryCallWith413_WhenLargerThanTheLimit()
    {
        var body = "{\"0\":{\"roomId\":\"general\",\"message\":\"" + new string('x', 2 * 1024 * 1024) + "\"}}";

        var answer = await Host.CreateHttpClient().PostTrpcAsync(Base + "chat.send?batch=1", body);

        answer.Status.ShouldBe(413);
        answer.Body.ShouldBe("""[{"error":{"message":"The request body is larger than 1048576 bytes","code":-32013,"data":{"code":"PAYLOAD_TOO_LARGE","httpStatus":413,"path":"chat.send"}}}]""");
    }

    [Fact]
    public async Task ConnectionParams_AuthenticateAQuery_WhenTheyCarryAToken()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "whoami?connectionParams=" + Input("""{"token":"alice-token"}"""), bearer: null);

        answer.Body.ShouldBe("""{"result":{"data":{"user":"alice","token":"alice-token"}}}""");
    }

    [Theory]
    [InlineData("%7Btoken", "Not JSON-parsable query params")]
    [InlineData("%7B%22token%22%3A1%7D", "Invalid connection params shape")]
    [InlineData("%7B%22token%22%3A%22%5Cud800%22%7D", "Invalid connection params shape")]
    public async Task ConnectionParams_FailTheWholeRequest_WhenMalformed(string connectionParams, string message)
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "rooms.list?connectionParams=" + connectionParams, bearer: null);

        answer.Status.ShouldBe(400);
        answer.Body.ShouldBe($$$$"""{"error":{"message":"{{{{message}}}}","code":-32700,"data":{"code":"PARSE_ERROR","httpStatus":400}}}""");
    }

    [Fact]
    public async Task EveryCall_Answers401_WhenTheCallerHasNoValidToken()
    {
        var answer = await Host.CreateHttpClient().GetTrpcAsync(Base + "rooms.list,fast?batch=1&connectionParams=null", bearer: "stolen");

        answer.Status.ShouldBe(401);
        answer.Body.ShouldBe("""[{"error":{"message":"invalid token","code":-32001,"data":{"code":"UNAUTHORIZED","httpStatus":401,"path":"rooms.list"}}},{"error":{"message":"invalid token","code":-32001,"data":{"code":"UNAUTHORIZED","httpStatus":401,"path":"fast"}}}]""");
    }

    [Theory]
    [InlineData("GET", "echo", "{\"text\":\"hi \\ud800\"}", "\"text\"")]
    [InlineData("POST", "chat.send", "{\"roomId\":\"general\",\"message\":\"\\udc00\"}", "\"message\"")]
    public async Task Input_WithAStringThatCannotBeDecoded_FailsTheCallWithBadRequest(string method, string path, string input, string where)
    {
        var client = Host.CreateHttpClient();

        var answer = method == "GET"
            ? await client.GetTrpcAsync(Base + path + "?input=" + Input(input))
            : await client.PostTrpcAsync(Base + path, input);

        answer.Status.ShouldBe(400);
        answer.Body.ShouldContain("\"message\":\"Invalid string in " + where.Replace("\"", "\\\"", StringComparison.Ordinal) + ": it is not valid Unicode");
        answer.Body.ShouldContain("\"code\":\"BAD_REQUEST\"");
    }
}
