namespace RealtimeApp.Domain.Agents;

/// <summary>An agent that has not reported or sent a heartbeat within the threshold is offline.</summary>
public static class AgentLiveness
{
    public static bool IsOverdue(DateTimeOffset lastHeartbeat, DateTimeOffset now, TimeSpan offlineAfter) =>
        now - lastHeartbeat >= offlineAfter;

    /// <summary>The status to show: what the agent last said, unless it has gone quiet.</summary>
    public static AgentStatus Effective(AgentStatus reported, DateTimeOffset lastHeartbeat, DateTimeOffset now, TimeSpan offlineAfter) =>
        IsOverdue(lastHeartbeat, now, offlineAfter) ? AgentStatus.Offline : reported;
}
