using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Tests.Domain.Realtime;

/// <summary>One filled-in instance of every event type, plus small builders for tests.</summary>
internal static class SampleEvents
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 17, 30, 0, TimeSpan.FromHours(1));

    public static IReadOnlyList<IRealtimeEvent> All { get; } =
    [
        new MessagePosted("general", 7, "m-7", "alice", "Alice", "hi @bob", At, new List<string> { "bob" }),
        new MessageEdited("general", 7, "m-7", "alice", "hi @carol", At.AddMinutes(1), new List<string> { "carol" }),
        new MessageDeleted("general", 7, "m-7", "admin", At.AddMinutes(2)),
        new PresenceChanged("general", "bob", "Bob", IsOnline: true),
        new TypingChanged("general", "bob", "Bob", IsTyping: false),
        new TaskProgressed("task-42", 3, 40, "running", "step 2 of 5", At),
        new TaskStatusChanged("task-42", 4, "failed", "running", "disk full", At),
        new AgentStatusChanged("agent-1", "busy", "task-42", 40, At),
        new AgentCommandIssued("agent-1", "cmd-9", "cancel", "task-42"),
        new RoomChanged("random", "Random", "anything goes", IsPrivate: true, IsArchived: false, RoomChangeKind.Created),
        new RateLimitChanged("user", "alice"),
        new RoomMembershipChanged("random", "bob", IsMember: false, "Member"),
        new ReadMarkerMoved("bob", "random", 12),
        new BackplaneResumed(),
        new UserAccessChanged("bob", UserAccessChange.Locked),
        new ApiTokenRevoked("bob", 7),
        new NodePresenceChanged("node-a", "general", "bob", "Bob", IsHere: true),
        new NodePresenceHeartbeat("node-a", new List<NodePresenceEntry> { new("general", "bob", "Bob") }),
    ];

    public static TaskProgressed Progress(string taskId, long sequence, int publisher = 0) =>
        new(taskId, sequence, publisher, "running", Message: null, At);

    public static MessagePosted Message(string roomId, long sequence) =>
        new(roomId, sequence, $"m-{sequence}", "alice", "Alice", $"message {sequence}", At, new List<string>());
}
