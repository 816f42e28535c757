using RealtimeApp.Tests.Realtime.Protocol.Vectors;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Protocol;

public sealed class QueryMutationTests : ApiTestBase
{
    public static TheoryData<string, string, string> Successes => ProtocolVectors.Successes();

    [Theory]
    [MemberData(nameof(Successes))]
    public async Task Call_AnswersWithTheReferenceFrame_WhenRequestIsValid(string name, string request, string expected)
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync(request);

        (await client.ReceiveAsync()).ShouldBe(expected, name);
    }

    [Fact]
    public async Task Call_ReturnsOneFramePerRequest_WhenBatchHoldsQueryAndMutation()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""[{"id":2,"method":"query","params":{"path":"fast"}},{"id":3,"method":"mutation","params":{"path":"counter.increment"}}]""");

        var frames = await client.ReceiveAsync(2);
        frames.ShouldBe(["""{"id":2,"result":{"type":"data","data":"fast"}}""", """{"id":3,"result":{"type":"data","data":1}}"""], ignoreOrder: true);
    }

    [Fact]
    public async Task Batch_AnswersInCompletionOrder_WhenFirstCallIsSlower()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""[{"id":1,"method":"query","params":{"path":"slow"}},{"id":2,"method":"query","params":{"path":"fast"}}]""");
        var first = await client.ReceiveAsync();
        Host.State.SlowGate.SetResult();
        var second = await client.ReceiveAsync();

        first.ShouldBe("""{"id":2,"result":{"type":"data","data":"fast"}}""");
        second.ShouldBe("""{"id":1,"result":{"type":"data","data":"slow"}}""");
    }

    [Fact]
    public async Task Call_SeesConnectionUserAndParams_WhenContextWasCreatedOnce()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""[{"id":1,"method":"query","params":{"path":"whoami"}},{"id":2,"method":"query","params":{"path":"whoami"}}]""");

        var frames = await client.ReceiveAsync(2);
        frames.ShouldAllBe(f => f.Contains("\"data\":{\"user\":\"alice\",\"token\":\"alice-token\"}"));
    }

    [Fact]
    public async Task Query_IsAnsweredUnderReusedId_WhenSubscriptionWithSameIdIsActive()
    {
        var client = await ConnectAliceAsync();
        await client.SendAsync("""{"id":1,"method":"subscription","params":{"path":"forever"}}""");
        await client.ReceiveAsync(2);

        await client.SendAsync("""{"id":1,"method":"query","params":{"path":"fast"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":1,"result":{"type":"data","data":"fast"}}""");
    }
}
