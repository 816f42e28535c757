using RealtimeApp.Domain.Realtime;

namespace RealtimeApp.Tests.Domain.Realtime;

public sealed class TopicsTests
{
    [Fact]
    public void Builders_PrefixTheId_WhenIdIsGiven()
    {
        var topics = new[] { Topics.Room("general"), Topics.Task("task-42"), Topics.Presence("general"), Topics.Agent("a1"), Topics.User("bob") };

        topics.ShouldBe(["room:general", "task:task-42", "presence:general", "agent:a1", "user:bob"]);
    }

    [Fact]
    public void Room_Throws_WhenIdIsEmpty()
    {
        var building = () => Topics.Room("");

        building.ShouldThrow<ArgumentException>();
    }

    [Fact]
    public void Topic_FollowsTheEvent_WhenEventsAreBuilt()
    {
        var topics = SampleEvents.All.Select(e => e.Topic);

        topics.ShouldBe(
        [
            "room:general", "room:general", "room:general", "presence:general", "presence:general",
            "task:task-42", "task:task-42", Topics.Agents, "agent:agent-1", Topics.Rooms, Topics.RateLimits, "room:random",
            "user:bob", Topics.Backplane, "user:bob", "user:bob", Topics.NodePresence, Topics.NodePresence,
        ]);
    }
}
