using System.Text.Json.Nodes;

namespace RealtimeApp.Tests.Features.Chat.Api.Support;

/// <summary>Reading server frames: the JSON, and the sequence of a tracked chat event.</summary>
public static class Frame
{
    public static JsonNode Parse(string frame) => JsonNode.Parse(frame) ?? throw new InvalidOperationException($"Not JSON: {frame}");

    /// <summary>The event id of a tracked data frame, checked to appear both as <c>result.id</c> and <c>result.data.id</c>.</summary>
    public static long TrackedSequence(string frame)
    {
        var result = Parse(frame)["result"].ShouldNotBeNull();
        result["type"]!.GetValue<string>().ShouldBe("data", frame);
        var id = result["id"]!.GetValue<string>();
        result["data"]!["id"]!.GetValue<string>().ShouldBe(id);
        return long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The payload of a tracked data frame.</summary>
    public static JsonNode TrackedData(string frame) => Parse(frame)["result"]!["data"]!["data"].ShouldNotBeNull();
}
