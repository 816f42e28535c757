namespace RealtimeApp.Domain.Realtime;

/// <summary>
/// Builds the topic strings events are published on. A publish costs O(subscribers of its topic), so topics are
/// deliberately narrow: one per room, task, agent and room presence, plus a few app-wide ones.
/// </summary>
public static class Topics
{
    /// <summary>Agent status of every agent (<see cref="Events.AgentStatusChanged"/>).</summary>
    public const string Agents = "agents";

    /// <summary>Room list changes: created, renamed, archived... (<see cref="Events.RoomChanged"/>).</summary>
    public const string Rooms = "rooms";

    /// <summary>This node's link to the other nodes came back (<see cref="Events.BackplaneResumed"/>, never sent across).</summary>
    public const string Backplane = "backplane";

    /// <summary>
    /// Each node's own presence, for the others (<see cref="Events.NodePresenceChanged"/>,
    /// <see cref="Events.NodePresenceHeartbeat"/>); subscribers see <see cref="Presence"/> topics instead.
    /// </summary>
    public const string NodePresence = "nodes:presence";

    /// <summary>Rate-limit settings changes (<see cref="Events.RateLimitChanged"/>).</summary>
    public const string RateLimits = "ratelimits";

    /// <summary><c>room:{roomId}</c>: the messages of one room.</summary>
    public static string Room(string roomId) => Build("room:", roomId);

    /// <summary><c>presence:{roomId}</c>: who is online and typing in one room.</summary>
    public static string Presence(string roomId) => Build("presence:", roomId);

    /// <summary><c>task:{taskId}</c>: progress and status of one task.</summary>
    public static string Task(string taskId) => Build("task:", taskId);

    /// <summary><c>agent:{agentId}</c>: commands addressed to one agent.</summary>
    public static string Agent(string agentId) => Build("agent:", agentId);

    /// <summary><c>user:{userId}</c>: what concerns one user only, such as their read markers.</summary>
    public static string User(string userId) => Build("user:", userId);

    private static string Build(string prefix, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return string.Concat(prefix, id);
    }
}
