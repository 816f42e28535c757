using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Agents.Components;
using static RealtimeApp.Tests.Features.Agents.Support.AgentSamples;

namespace RealtimeApp.Tests.Features.Agents.Components;

public sealed class AgentTimeTests
{
    [Theory]
    [InlineData(0, "last seen just now")]
    [InlineData(3, "last seen 3 s ago")]
    [InlineData(59, "last seen 59 s ago")]
    [InlineData(125, "last seen 2 min ago")]
    [InlineData(7_300, "last seen 2 h ago")]
    [InlineData(200_000, "last seen 2 d ago")]
    public void LastSeen_ReadsNaturally(int secondsAgo, string expected) =>
        AgentTime.LastSeen(Noon, Noon.AddSeconds(secondsAgo)).ShouldBe(expected);

    [Fact]
    public void StatusDurations_AddsEachEntryUntilTheNext_AndTheLastUntilNow()
    {
        AgentStatusPoint[] history = [new("idle", Noon), new("active", Noon.AddMinutes(1)), new("idle", Noon.AddMinutes(4)), new("offline", Noon.AddMinutes(5))];

        var durations = StatusDurations.Of(history, Noon.AddMinutes(7));

        durations["idle"].ShouldBe(TimeSpan.FromMinutes(2));
        durations["active"].ShouldBe(TimeSpan.FromMinutes(3));
        durations["offline"].ShouldBe(TimeSpan.FromMinutes(2));
        durations["error"].ShouldBe(TimeSpan.Zero);
        StatusDurations.Lasted(history, 3, Noon.AddMinutes(7)).ShouldBe(TimeSpan.FromMinutes(2));
    }
}
