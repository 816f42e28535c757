using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Connections;

public sealed class SubscriptionTests : ApiTestBase
{
    [Fact]
    public async Task Subscription_SendsStartedDataStopped_WhenStreamEnds()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"path":"finite"}}""");

        (await client.ReceiveAsync(4)).ShouldBe(
        [
            """{"id":1,"result":{"type":"started"}}""",
            """{"id":1,"result":{"type":"data","data":1}}""",
            """{"id":1,"result":{"type":"data","data":2}}""",
            """{"id":1,"result":{"type":"stopped"}}""",
        ]);
    }

    [Fact]
    public async Task TrackedSubscription_SendsEventIdTwice_WhenEventsAreTracked()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""{"id":13,"method":"subscription","params":{"input":{"taskId":"task-42"},"path":"progress","lastEventId":"1"}}""");

        (await client.ReceiveAsync(4)).ShouldBe(
        [
            """{"id":13,"result":{"type":"started"}}""",
            """{"id":13,"result":{"type":"data","data":{"id":"2","data":{"seq":2,"taskId":"task-42","progress":20}},"id":"2"}}""",
            """{"id":13,"result":{"type":"data","data":{"id":"3","data":{"seq":3,"taskId":"task-42","progress":30}},"id":"3"}}""",
            """{"id":13,"result":{"type":"stopped"}}""",
        ]);
    }

    [Theory]
    [InlineData("""{"input":{"taskId":"t","lastEventId":"0"},"path":"inputOnce","lastEventId":"2"}""", """{"taskId":"t","lastEventId":"2"}""")]
    [InlineData("""{"input":{"taskId":"t","lastEventId":"2"},"path":"inputOnce"}""", """{"taskId":"t","lastEventId":"2"}""")]
    [InlineData("""{"path":"inputOnce","lastEventId":"5"}""", """{"lastEventId":"5"}""")]
    [InlineData("""{"path":"inputOnce","input":null,"lastEventId":"5"}""", """{"lastEventId":"5"}""")]
    [InlineData("""{"path":"inputOnce","input":7,"lastEventId":"x"}""", "7")]
    [InlineData("""{"path":"inputOnce","input":[1],"lastEventId":"x"}""", "[1]")]
    public async Task LastEventId_IsMergedIntoInput_AsTheReferenceServerDoes(string parameters, string expectedInput)
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync($$$$"""{"id":6,"method":"subscription","params":{{{{parameters}}}}}""");

        (await client.ReceiveAsync(2))[1].ShouldBe($$$$"""{"id":6,"result":{"type":"data","data":{{{{expectedInput}}}}}}""");
    }

    [Fact]
    public async Task Stop_AbortsSubscriptionAndSendsStoppedAfterCleanup_WhenIdIsActive()
    {
        var client = await ConnectAliceAsync();
        await client.SendAsync("""{"id":4,"method":"subscription","params":{"path":"forever"}}""");
        await client.ReceiveAsync(2);

        await client.SendAsync("""{"id":4,"method":"subscription.stop"}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":4,"result":{"type":"stopped"}}""");
        Host.State.CleanedUp.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Stop_IsSilent_WhenIdIsUnknown()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""[{"id":999,"method":"subscription.stop"},{"id":"x","jsonrpc":"2.0","method":"subscription.stop"}]""");

        await client.ExpectNothingBeforePongAsync();
    }

    [Fact]
    public async Task Stop_IsSilent_WhenSubscriptionFailedValidation()
    {
        var client = await ConnectAliceAsync();
        await client.SendAsync("""{"id":9,"method":"subscription","params":{"path":"progress","input":{}}}""");
        var error = await client.ReceiveAsync();

        await client.SendAsync("""{"id":9,"method":"subscription.stop"}""");

        error.ShouldBe("""{"id":9,"error":{"message":"taskId: Required","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"progress","issues":[{"path":"taskId","message":"Required"}]}}}""");
        await client.ExpectNothingBeforePongAsync();
    }

    [Fact]
    public async Task Subscription_SendsOnlyError_WhenSetupFailsBeforeStart()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""{"id":2,"method":"subscription","params":{"path":"guarded"}}""");

        (await client.ReceiveAsync()).ShouldBe("""{"id":2,"error":{"message":"not a member","code":-32003,"data":{"code":"FORBIDDEN","httpStatus":403,"path":"guarded"}}}""");
        await client.ExpectNothingBeforePongAsync();
    }

    [Fact]
    public async Task Subscription_SendsErrorThenStopped_WhenStreamThrowsMidway()
    {
        var client = await ConnectAliceAsync();

        await client.SendAsync("""{"id":1,"method":"subscription","params":{"path":"failing"}}""");

        (await client.ReceiveAsync(4)).ShouldBe(
        [
            """{"id":1,"result":{"type":"started"}}""",
            """{"id":1,"result":{"type":"data","data":"one"}}""",
            """{"id":1,"error":{"message":"no more for you","code":-32003,"data":{"code":"FORBIDDEN","httpStatus":403,"path":"failing"}}}""",
            """{"id":1,"result":{"type":"stopped"}}""",
        ]);
    }

    [Fact]
    public async Task DuplicateId_IsBadRequest_AndFirstSubscriptionKeepsRunning()
    {
        var client = await ConnectAliceAsync();
        await client.SendAsync("""{"id":7,"method":"subscription","params":{"path":"forever"}}""");
        await client.ReceiveAsync(2);

        await client.SendAsync("""{"id":7,"method":"subscription","params":{"path":"forever"}}""");
        var duplicate = await client.ReceiveAsync();
        await client.SendAsync("""{"id":7,"method":"subscription.stop"}""");

        duplicate.ShouldBe("""{"id":7,"error":{"message":"Duplicate id 7","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"forever"}}}""");
        (await client.ReceiveAsync()).ShouldBe("""{"id":7,"result":{"type":"stopped"}}""");
    }

    [Fact]
    public async Task SameId_MayBeActiveOnTwoConnections_WhenClientMovesSubscriptions()
    {
        var first = await ConnectAliceAsync();
        var second = await ConnectAliceAsync();

        await first.SendAsync("""{"id":12,"method":"subscription","params":{"path":"forever"}}""");
        await second.SendAsync("""{"id":12,"method":"subscription","params":{"path":"forever"}}""");

        (await first.ReceiveAsync()).ShouldBe("""{"id":12,"result":{"type":"started"}}""");
        (await second.ReceiveAsync()).ShouldBe("""{"id":12,"result":{"type":"started"}}""");
    }
}
