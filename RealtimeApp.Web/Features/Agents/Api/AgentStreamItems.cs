using RealtimeApp.Domain.Agents;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Agents.Api;

/// <summary>An <c>agents.onStatus</c> / <c>onAgentStatus</c> event (the seed client's shape plus the heartbeat time).</summary>
public sealed record AgentStatusItem(string AgentId, string Status, string? CurrentTask, int? Progress, DateTimeOffset LastHeartbeat)
{
    public static AgentStatusItem From(AgentStatusChanged changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return new(changed.AgentId, changed.Status, changed.CurrentTaskId, changed.Progress, changed.LastHeartbeat);
    }
}

/// <summary>An <c>agents.onCommand</c> event: what staff asked the agent to do.</summary>
public sealed record AgentCommandItem(string CommandId, string Kind, string TaskId)
{
    public static AgentCommandItem From(AgentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new(command.Id, command.Kind, command.TaskId);
    }

    public static AgentCommandItem From(AgentCommandIssued issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        return new(issued.CommandId, issued.Kind, issued.TaskId);
    }
}
