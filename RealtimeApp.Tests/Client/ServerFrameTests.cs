using System.Text;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Tests.Client;

/// <summary>The client's reading of server frames, on frames as the server (and the captured tRPC server) writes them.</summary>
public sealed class ServerFrameTests
{
    [Fact]
    public void TrackedEvent_YieldsThePayloadInsideItsEnvelope_AndTheEventId()
    {
        var frame = Parse("""{"id":13,"result":{"type":"data","data":{"id":"4","data":{"sequence":4,"text":"a \"data\": {}"}},"id":"4"}}""");

        frame.Kind.ShouldBe(ServerFrameKind.Data);
        frame.Id.ShouldBe(13);
        frame.EventId.ShouldBe("4");
        Encoding.UTF8.GetString(frame.Payload!.Value.Span).ShouldBe("""{"sequence":4,"text":"a \"data\": {}"}""");
    }

    [Fact]
    public void TrackedEvent_IsReadWhateverTheOrderOfItsMembers()
    {
        var frame = Parse("""{"result":{"id":7,"data":{"data":[1,2],"id":"7"},"type":"data"},"id":2}""");

        frame.Kind.ShouldBe(ServerFrameKind.Data);
        frame.Id.ShouldBe(2);
        frame.EventId.ShouldBe("7");
        Encoding.UTF8.GetString(frame.Payload!.Value.Span).ShouldBe("[1,2]");
    }

    [Theory]
    [InlineData("""{"id":2,"result":{"type":"data","data":{"id":"abc","data":{"n":1}},"id":"abc"}}""", "abc")]
    [InlineData("""{"id":2,"result":{"type":"data","data":{"id":"5","data":{"n":1}},"id":"5","extra":true}}""", "5")]
    [InlineData("""{"id":2,"result":{"type":"data","data":{"id":"5","data":{"n":1}},"id":"6"}}""", "6")]
    public void TrackedEvent_InAnotherLayout_IsStillReadWhole(string json, string eventId)
    {
        var frame = Parse(json);

        frame.Kind.ShouldBe(ServerFrameKind.Data);
        frame.EventId.ShouldBe(eventId);
        Encoding.UTF8.GetString(frame.Payload!.Value.Span).ShouldBe("""{"n":1}""");
    }

    [Theory]
    [InlineData("""{"id":1,"result":{"type":"data","data":[{"id":"general","name":"#general","lastMessageAt":null}]}}""", """[{"id":"general","name":"#general","lastMessageAt":null}]""")]
    [InlineData("""{"id":3,"result":{"type":"data","data":{"id":"1","roomId":"random","message":"batched hello"}}}""", """{"id":"1","roomId":"random","message":"batched hello"}""")]
    [InlineData("""{"id":5,"result":{"type":"data","data":"text"}}""", "\"text\"")]
    [InlineData("""{"id":5,"result":{"type":"data","data":null}}""", "null")]
    public void Answer_YieldsItsDataAsWritten_WithoutAnEventId(string json, string payload)
    {
        var frame = Parse(json);

        frame.Kind.ShouldBe(ServerFrameKind.Data);
        frame.EventId.ShouldBeNull();
        Encoding.UTF8.GetString(frame.Payload!.Value.Span).ShouldBe(payload);
    }

    [Fact]
    public void VoidAnswer_HasNoPayload()
    {
        var frame = Parse("""{"id":3,"result":{"type":"data"}}""");

        frame.Kind.ShouldBe(ServerFrameKind.Data);
        frame.Payload.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"id":4,"result":{"type":"started"}}""", "Started", 4)]
    [InlineData("""{"id":4,"result":{"type":"stopped"}}""", "Stopped", 4)]
    [InlineData("""{"id":null,"method":"reconnect"}""", "Reconnect", 0)]
    [InlineData("""{"method":"reconnect","id":null}""", "Reconnect", 0)]
    [InlineData("PING", "Ping", 0)]
    [InlineData("PONG", "Pong", 0)]
    [InlineData("""{"id":4,"result":{"type":"later"}}""", "Unknown", 0)]
    [InlineData("""{"id":"4","result":{"type":"data","data":1}}""", "Unknown", 0)]
    [InlineData("""{"id":{"nested":[1,{"id":2}]},"result":{"type":"data","data":1}}""", "Unknown", 0)]
    [InlineData("""[1,2]""", "Unknown", 0)]
    public void OtherFrames_AreRecognised(string json, string kind, long id)
    {
        var frame = Parse(json);

        frame.Kind.ShouldBe(Enum.Parse<ServerFrameKind>(kind));
        frame.Id.ShouldBe(id);
    }

    [Fact]
    public void ErrorAnswer_CarriesTheCodeMessagePathAndRetryAfter()
    {
        var frame = Parse("""{"id":9,"error":{"message":"Slow down.","code":-32029,"data":{"code":"TOO_MANY_REQUESTS","httpStatus":429,"path":"chat.send","retryAfterMs":1500}}}""");

        frame.Kind.ShouldBe(ServerFrameKind.Error);
        frame.Id.ShouldBe(9);
        frame.Error!.Code.ShouldBe("TOO_MANY_REQUESTS");
        frame.Error.Message.ShouldBe("Slow down.");
        frame.Error.Path.ShouldBe("chat.send");
        frame.Error.RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(1500));
    }

    [Fact]
    public void ErrorWithoutAnId_IsAConnectionError()
    {
        var frame = Parse("""{"id":null,"error":{"message":"Unauthorized","code":-32001,"data":{"code":"UNAUTHORIZED"}}}""");

        frame.Kind.ShouldBe(ServerFrameKind.ConnectionError);
        frame.Error!.Code.ShouldBe("UNAUTHORIZED");
    }

    private static ServerFrame Parse(string json) => ServerFrame.Parse(Encoding.UTF8.GetBytes(json));
}
