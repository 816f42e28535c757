using System.Net.WebSockets;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Connections;

public sealed class ConnectionContextTests : ApiTestBase
{
    private const string Query = """{"id":1,"method":"query","params":{"path":"whoami"}}""";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Api:MaxConnectionsPerUser"] = "2" };

    [Fact]
    public async Task ConnectionParams_AuthenticateTheConnection_WhenFirstFrameCarriesToken()
    {
        var client = await ConnectAsync("?connectionParams=1");

        await client.SendAsync("""{"method":"connectionParams","data":{"token":"alice-token","client":"test"}}""");
        await client.SendAsync(Query);

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"data","data":{"user":"alice","token":"alice-token"}}}""");
    }

    [Fact]
    public async Task BearerHeader_AuthenticatesTheConnection_WhenNoConnectionParamsAreExpected()
    {
        var client = await ConnectAsync(bearer: TestApiAuthenticator.BobToken);

        await client.SendAsync(Query);

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"data","data":{"user":"bob","token":null}}}""");
    }

    [Fact]
    public async Task ConnectionParams_PassNullToAuthenticator_WhenDataIsNull()
    {
        var client = await ConnectAsync("?connectionParams=1", bearer: TestApiAuthenticator.AliceToken);

        await client.SendAsync("""{"method":"connectionParams","data":null}""");
        await client.SendAsync(Query);

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"data","data":{"user":"alice","token":null}}}""");
    }

    [Theory]
    [InlineData("""{"method":"connectionParams","data":{"token":"abc","n":5}}""")]
    [InlineData("""{"id":1,"method":"query","params":{"path":"whoami"}}""")]
    [InlineData("{nope")]
    [InlineData("""{"method":"connectionParams","data":{"token":"\ud800"}}""")]
    [InlineData("""{"method":"connectionParams","data":{"\udc00":"abc"}}""")]
    public async Task ConnectionParams_RejectConnectionWithParseErrorAndNoCloseStatus_WhenShapeIsInvalid(string firstFrame)
    {
        var client = await ConnectAsync("?connectionParams=1");

        await client.SendAsync(firstFrame);
        var (status, messages) = await client.ReceiveCloseAsync();

        messages.ShouldBe(["""{"id":null,"error":{"message":"Invalid connection params shape","code":-32700,"data":{"code":"PARSE_ERROR","httpStatus":400}}}"""]);
        status.ShouldBe(WebSocketCloseStatus.Empty);
    }

    [Fact]
    public async Task SecondConnectionParams_IsAParseError_AndConnectionStaysUsable()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""{"method":"connectionParams","data":{"token":"again"}}""");
        var error = await client.ReceiveAsync();
        await client.SendAsync(Query);

        error.ShouldBe("""{"id":null,"error":{"message":"Invalid request id","code":-32700,"data":{"code":"PARSE_ERROR","httpStatus":400}}}""");
        (await client.ReceiveAsync()).ShouldContain("\"user\":\"alice\"");
    }

    [Fact]
    public async Task Rejection_SendsIdNullUnauthorizedThenPerRequestErrorsThenCloses_WhenAuthenticatorRefuses()
    {
        var client = await ConnectAsync("?connectionParams=1");
        await client.SendAsync("""{"method":"connectionParams","data":{"token":"slow-invalid"}}""");
        await client.SendAsync(Query);
        await client.ExpectNothingBeforePongAsync();

        Host.Authenticator.ReleaseSlowRejection();
        var (status, messages) = await client.ReceiveCloseAsync();

        messages.ShouldBe(
        [
            """{"id":null,"error":{"message":"invalid token","code":-32001,"data":{"code":"UNAUTHORIZED","httpStatus":401}}}""",
            """{"id":1,"error":{"message":"invalid token","code":-32001,"data":{"code":"UNAUTHORIZED","httpStatus":401,"path":"whoami"}}}""",
        ]);
        status.ShouldBe(WebSocketCloseStatus.Empty);
    }

    [Fact]
    public async Task Rejection_ClosesWithoutStatus_WhenNoTokenIsGiven()
    {
        var client = await ConnectAsync();

        var (status, messages) = await client.ReceiveCloseAsync();

        messages.ShouldBe(["""{"id":null,"error":{"message":"invalid token","code":-32001,"data":{"code":"UNAUTHORIZED","httpStatus":401}}}"""]);
        status.ShouldBe(WebSocketCloseStatus.Empty);
    }

    [Fact]
    public async Task ExtraConnection_IsRejectedWithTooManyRequestsAnd4029_WhenUserHasMaxConnections()
    {
        for (var i = 0; i < 2; i++)
        {
            var open = await ConnectAliceAsync();
            await open.SendAsync(Query);
            await open.ReceiveAsync();
        }

        var extra = await ConnectAliceAsync();
        var (status, messages) = await extra.ReceiveCloseAsync();

        messages.ShouldBe(["""{"id":null,"error":{"message":"Too many connections for this user (max 2)","code":-32029,"data":{"code":"TOO_MANY_REQUESTS","httpStatus":429}}}"""]);
        ((int?)status).ShouldBe(4029);
    }
}
