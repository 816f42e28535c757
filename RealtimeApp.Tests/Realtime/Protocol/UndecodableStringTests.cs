using System.Text.Json;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Protocol;

/// <summary>
/// JSON that parses but holds a string .NET cannot decode (an escaped lone UTF-16 surrogate) is refused with
/// BAD_REQUEST under the request's id, runs nothing, and the connection goes on serving.
/// </summary>
public sealed class UndecodableStringTests : ApiTestBase
{
    private const string Usable = """{"id":99,"method":"query","params":{"path":"fast"}}""";
    private const string UsableAnswer = """{"id":99,"result":{"type":"data","data":"fast"}}""";

    [Theory]
    [InlineData("path", """{"id":1,"method":"query","params":{"path":"fa\ud800st"}}""", "1", "\"path\"")]
    [InlineData("method", """{"id":2,"method":"que\udc00ry","params":{"path":"fast"}}""", "2", "\"method\"")]
    [InlineData("jsonrpc", """{"id":3,"jsonrpc":"\ud800","method":"query","params":{"path":"fast"}}""", "3", "\"jsonrpc\"")]
    [InlineData("lastEventId", """{"id":4,"method":"subscription","params":{"path":"progress","input":{"taskId":"t"},"lastEventId":"\udbff"}}""", "4", "\"lastEventId\"")]
    [InlineData("input value", """{"id":5,"method":"mutation","params":{"path":"chat.send","input":{"roomId":"general","message":"hi \ud83d"}}}""", "5", "\"message\"")]
    [InlineData("input key", """{"id":6,"method":"query","params":{"path":"echo","input":{"\ud800":1}}}""", "6", "a property name")]
    [InlineData("string id", """{"id":"\ud800","method":"query","params":{"path":"fast"}}""", "null", "\"id\"")]
    [InlineData("second of a batch", """[{"id":7,"method":"mutation","params":{"path":"counter.increment"}},{"id":8,"method":"query","params":{"path":"\udc00"}}]""", "8", "\"path\"")]
    public async Task Request_IsRefusedWithBadRequestUnderItsId_AndTheConnectionGoesOn(string field, string frame, string id, string where)
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync(frame);
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"id":98,"method":"query","params":{"path":"counter.get"}}""");
        var counter = await client.ReceiveAsync();
        await client.SendAsync(Usable);

        var message = "Invalid string in " + where.Replace("\"", "\\\"", StringComparison.Ordinal) +
            ": it is not valid Unicode (an escaped lone UTF-16 surrogate such as \\\\ud800, or bytes that are not UTF-8)";
        error.ShouldBe(
            "{\"id\":" + id + ",\"error\":{\"message\":\"" + message + "\",\"code\":-32600,\"data\":{\"code\":\"BAD_REQUEST\",\"httpStatus\":400}}}",
            field);
        counter.ShouldBe("""{"id":98,"result":{"type":"data","data":0}}""", "nothing of the frame ran");
        (await client.ReceiveAsync()).ShouldBe(UsableAnswer);
    }

    [Fact]
    public async Task SurrogatePair_IsAnOrdinaryCharacter()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"echo","input":{"text":"smile \ud83d\ude00"}}}""");

        using var answer = JsonDocument.Parse(await client.ReceiveAsync());
        answer.RootElement.GetProperty("result").GetProperty("data").GetProperty("got").GetProperty("text").GetString().ShouldBe("smile 😀");
    }
}
