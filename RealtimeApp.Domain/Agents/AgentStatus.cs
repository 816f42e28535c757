namespace RealtimeApp.Domain.Agents;

public enum AgentStatus
{
    Active,
    Idle,
    Error,
    Offline,
}
