using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Domain.Agents;

namespace RealtimeApp.Tests.Domain.Agents;

public sealed class AgentRulesTests
{
    [Theory]
    [InlineData("agent-1", true)]
    [InlineData("build.runner_07", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("émile", false)]
    public void Validate_AcceptsOnlyShortSafeIds(string id, bool valid) =>
        (AgentIds.Validate(id) is null).ShouldBe(valid);

    [Fact]
    public void Validate_RefusesIdsLongerThan64Characters() =>
        AgentIds.Validate(new string('a', 65)).ShouldNotBeNull().ShouldContain("1 to 64");

    [Fact]
    public void Effective_TurnsOffline_WhenNoHeartbeatWithinThreshold()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var heartbeat = time.GetUtcNow();
        var threshold = TimeSpan.FromSeconds(30);

        time.Advance(TimeSpan.FromSeconds(29));
        var before = AgentLiveness.Effective(AgentStatus.Active, heartbeat, time.GetUtcNow(), threshold);
        time.Advance(TimeSpan.FromSeconds(1));
        var after = AgentLiveness.Effective(AgentStatus.Active, heartbeat, time.GetUtcNow(), threshold);

        before.ShouldBe(AgentStatus.Active);
        after.ShouldBe(AgentStatus.Offline);
    }
}
