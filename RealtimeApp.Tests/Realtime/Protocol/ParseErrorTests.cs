using RealtimeApp.Tests.Realtime.Protocol.Vectors;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Protocol;

public sealed class ParseErrorTests : ApiTestBase
{
    private const string Usable = """{"id":99,"method":"query","params":{"path":"fast"}}""";
    private const string UsableAnswer = """{"id":99,"result":{"type":"data","data":"fast"}}""";

    public static TheoryData<string, string, string> ParseErrors => ProtocolVectors.ParseErrors();

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public async Task Frame_IsRejectedWithOneIdNullParseError_WhenStructureIsInvalid(string name, string frame, string message)
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync(frame);
        var error = await client.ReceiveAsync();
        await client.SendAsync(Usable);

        error.ShouldBe("""{"id":null,"error":{"message":""" + "\"" + message + "\"" + ""","code":-32700,"data":{"code":"PARSE_ERROR","httpStatus":400}}}""", name);
        (await client.ReceiveAsync()).ShouldBe(UsableAnswer);
    }

    [Fact]
    public async Task Frame_IsRejectedWithParserMessage_WhenJsonIsMalformed()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("{nope");
        var error = await client.ReceiveAsync();
        await client.SendAsync(Usable);

        error.ShouldStartWith("""{"id":null,"error":{"message":""");
        error.ShouldEndWith(""","code":-32700,"data":{"code":"PARSE_ERROR","httpStatus":400}}}""");
        (await client.ReceiveAsync()).ShouldBe(UsableAnswer);
    }

    [Fact]
    public async Task BinaryFrame_IsRejectedWithParseError_AndConnectionStaysOpen()
    {
        var client = await ConnectAliceAsync();

        await client.SendBinaryAsync("""{"id":1,"method":"query","params":{"path":"fast"}}"""u8.ToArray());
        var error = await client.ReceiveAsync();
        await client.SendAsync(Usable);

        error.ShouldBe("""{"id":null,"error":{"message":"Binary frames are not supported. Send the JSON as a text frame.","code":-32700,"data":{"code":"PARSE_ERROR","httpStatus":400}}}""");
        (await client.ReceiveAsync()).ShouldBe(UsableAnswer);
    }

    [Fact]
    public async Task Batch_RunsNothing_WhenOneElementIsInvalid()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""[{"id":1,"method":"mutation","params":{"path":"counter.increment"}},{"id":2,"method":"nope"}]""");
        await client.ReceiveAsync();
        await client.SendAsync("""{"id":3,"method":"query","params":{"path":"counter.get"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":3,"result":{"type":"data","data":0}}""");
        Host.State.Counter.ShouldBe(0);
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong_AndPongIsIgnored()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("PONG");
        await client.SendAsync("PING");

        (await client.ReceiveAsync()).ShouldBe("PONG");
    }
}
