using System.Runtime.CompilerServices;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Api;

/// <summary>The <c>agents.*</c> procedures.</summary>
public sealed class AgentsApi
{
    private readonly RealtimeClient _client;

    internal AgentsApi(RealtimeClient client) => _client = client;

    /// <summary><c>agents.report</c>: a heartbeat, with whatever else <paramref name="report"/> carries.</summary>
    public async Task<Agent> ReportAsync(AgentReport report, CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Mutation, "agents.report",
            RealtimeClient.Serialize(report, ClientJsonContext.Default.AgentReport), ClientJsonContext.Default.Agent, cancellationToken))!;

    /// <summary><c>agents.list</c>.</summary>
    public async Task<IReadOnlyList<Agent>> ListAsync(CancellationToken cancellationToken = default) =>
        await _client.CallAsync(TrpcMethod.Query, "agents.list", null, ClientJsonContext.Default.IReadOnlyListAgent, cancellationToken) ?? [];

    /// <summary>
    /// <c>agents.onStatus</c>: every agent's reports and status changes, live. It is not tracked: after a lost connection
    /// the client follows again from then on, so read <see cref="ListAsync"/> to catch up.
    /// </summary>
    public IAsyncEnumerable<AgentStatus> OnStatusAsync(CancellationToken cancellationToken = default) =>
        _client.Subscribe("agents.onStatus", null, lastEventId: null, ClientJsonContext.Default.AgentStatus, cancellationToken);

    /// <summary>
    /// <c>agents.onCommand</c>: the commands for <paramref name="agentId"/> not yet acknowledged, then new ones. The server
    /// sends unacknowledged commands again on each new connection; this enumeration yields each command once.
    /// </summary>
    public async IAsyncEnumerable<AgentCommand> OnCommandAsync(string agentId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var input = RealtimeClient.Serialize(new AgentIdInput(agentId), ClientJsonContext.Default.AgentIdInput);
        await foreach (var command in _client.Subscribe("agents.onCommand", input, lastEventId: null, ClientJsonContext.Default.AgentCommand, cancellationToken))
        {
            if (seen.Add(command.CommandId))
            {
                yield return command;
            }
        }
    }
}
