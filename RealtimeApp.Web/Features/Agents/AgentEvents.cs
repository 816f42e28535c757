using RealtimeApp.Domain.Agents;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Agents;

/// <summary>Publishes committed agent changes: status on <c>agents</c>, commands on the agent's own topic.</summary>
public sealed class AgentEvents(EventHub hub)
{
    public void StatusChanged(AgentRecord agent)
    {
        ArgumentNullException.ThrowIfNull(agent);

        hub.Publish(new AgentStatusChanged(agent.Id, agent.Status.ToString().ToLowerInvariant(), agent.CurrentTaskId, agent.Progress, agent.LastHeartbeat));
    }

    public void CommandIssued(AgentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);

        hub.Publish(new AgentCommandIssued(command.AgentId, command.Id, command.Kind, command.TaskId));
    }
}
