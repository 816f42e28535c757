using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Protocol;

public sealed class ProcedureErrorTests : ApiTestBase
{
    [Theory]
    [InlineData("query", "no.such.path")]
    [InlineData("query", "finite")]
    [InlineData("subscription", "rooms.list")]
    [InlineData("mutation", "rooms.list")]
    [InlineData("query", "chat.send")]
    public async Task Call_IsNotFound_WhenPathIsUnknownOrOfAnotherType(string method, string path)
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync($$$$"""{"id":4,"method":"{{{{method}}}}","params":{"path":"{{{{path}}}}"}}""");

        (await client.ReceiveAsync()).ShouldBe($$$$"""{"id":4,"error":{"message":"No \"{{{{method}}}}\"-procedure on path \"{{{{path}}}}\"","code":-32004,"data":{"code":"NOT_FOUND","httpStatus":404,"path":"{{{{path}}}}"}}}""");
    }

    [Theory]
    [InlineData("""{"path":"chat.send"}""", "input: Required")]
    [InlineData("""{"path":"chat.send","input":{"message":"hi"}}""", "roomId: Required")]
    [InlineData("""{"path":"chat.send","input":{"roomId":5,"message":"hi"}}""", "roomId: Invalid value")]
    [InlineData("""{"path":"chat.send","input":{"roomId":"general","message":""}}""", "message: Must be 1 to 500 characters")]
    public async Task Call_IsBadRequestNamingTheField_WhenInputIsInvalid(string parameters, string message)
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync($$$$"""{"id":7,"method":"mutation","params":{{{{parameters}}}}}""");

        var error = await client.ReceiveAsync();
        error.ShouldStartWith($$$$"""{"id":7,"error":{"message":"{{{{message}}}}","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"chat.send","issues":[""");
    }

    [Fact]
    public async Task Call_IsInternalServerErrorWithoutInternals_WhenHandlerThrows()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"boom"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"error":{"message":"Internal server error","code":-32603,"data":{"code":"INTERNAL_SERVER_ERROR","httpStatus":500,"path":"boom"}}}""");
        Host.Logs.Entries.ShouldContain(e => e.Exception != null && e.Exception.Message.Contains(TestProcedures.Secret));
    }

    [Fact]
    public async Task Subscription_IsInternalServerErrorWithoutInternalsThenStopped_WhenStreamCrashes()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"path":"crashing"}}""");

        var frames = await client.ReceiveAsync(4);
        frames[2].ShouldBe("""{"id":1,"error":{"message":"Internal server error","code":-32603,"data":{"code":"INTERNAL_SERVER_ERROR","httpStatus":500,"path":"crashing"}}}""");
        frames[3].ShouldBe("""{"id":1,"result":{"type":"stopped"}}""");
    }

    [Fact]
    public async Task Call_CarriesCodeAndExtraData_WhenHandlerThrowsTrpcException()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""{"id":"r","jsonrpc":"2.0","method":"query","params":{"path":"limited"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":"r","jsonrpc":"2.0","error":{"message":"Slow down","code":-32029,"data":{"code":"TOO_MANY_REQUESTS","httpStatus":429,"path":"limited","retryAfterMs":1500}}}""");
    }
}
