using System.Text.Json;
using RealtimeApp.Domain.Realtime;

namespace RealtimeApp.Tests.Domain.Realtime;

public sealed class RealtimeEventJsonTests
{
    public static TheoryData<string> EventTypeNames => [.. SampleEvents.All.Select(e => e.GetType().Name)];

    [Theory]
    [MemberData(nameof(EventTypeNames))]
    public void Serialize_RoundTripsEvent_WhenReadBackThroughTheInterface(string typeName)
    {
        var original = SampleEvents.All.Single(e => e.GetType().Name == typeName);

        var json = RealtimeEventSerializer.Serialize(original);
        var readBack = RealtimeEventSerializer.Deserialize(json);

        readBack.ShouldBeOfType(original.GetType());
        readBack.ShouldBeEquivalentTo(original);
        readBack.Topic.ShouldBe(original.Topic);
        RealtimeEventSerializer.Serialize(readBack).ShouldBe(json);
    }

    [Fact]
    public void Serialize_WritesCamelCaseTypeDiscriminatorFirst_WhenSerialisingThroughTheInterface()
    {
        var posted = SampleEvents.Message("general", 1);

        var json = JsonSerializer.Serialize<IRealtimeEvent>(posted, RealtimeEventJsonContext.Default.IRealtimeEvent);

        json.ShouldStartWith("""{"type":"messagePosted","roomId":"general","sequence":1""");
        json.ShouldNotContain("\"topic\"");
    }

    [Fact]
    public void Samples_CoverEveryEventType_WhenScanningTheDomainAssembly()
    {
        var eventTypes = typeof(IRealtimeEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IRealtimeEvent).IsAssignableFrom(t));

        var sampled = SampleEvents.All.Select(e => e.GetType()).ToHashSet();

        eventTypes.ShouldAllBe(t => sampled.Contains(t));
    }

    [Fact]
    public void Deserialize_Throws_WhenTheTypeIsUnknown()
    {
        var json = """{"type":"somethingElse","roomId":"general"}"""u8.ToArray();

        var reading = () => RealtimeEventSerializer.Deserialize(json);

        reading.ShouldThrow<JsonException>();
    }
}
