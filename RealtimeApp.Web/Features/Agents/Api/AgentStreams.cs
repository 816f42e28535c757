using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Features.Agents.Api;

/// <summary><c>agents.onStatus</c> (every agent's changes, live) and <c>agents.onCommand</c> (pending commands first, then live).</summary>
internal static class AgentStreams
{
    public static IAsyncEnumerable<AgentStatusItem> OnStatus(ProcedureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        context.RequireActor();
        var feed = LiveFeed<AgentStatusChanged>.Open(context.Get<EventAggregator>(), Topics.Agents);
        return feed.Select(AgentStatusItem.From, context.CancellationToken);
    }

    public static async Task<IAsyncEnumerable<AgentCommandItem>> OnCommandAsync(ProcedureContext context, AgentIdInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var actor = context.RequireActor();
        var commands = context.Get<AgentCommands>();
        (await commands.AuthorizeReceiverAsync(actor, input.AgentId, context.CancellationToken)).ValueOrThrow();

        // Live first, then what is pending: a command issued in between shows up in both and is sent once.
        var feed = LiveFeed<AgentCommandIssued>.Open(context.Get<EventAggregator>(), Topics.Agent(input.AgentId));
        var pending = await commands.PendingAsync(input.AgentId, context.CancellationToken);
        return Commands(pending.Select(AgentCommandItem.From).ToList(), feed, context.CancellationToken);
    }

    private static async IAsyncEnumerable<AgentCommandItem> Commands(
        IReadOnlyList<AgentCommandItem> pending, LiveFeed<AgentCommandIssued> feed, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in pending)
        {
            sent.Add(command.CommandId);
            yield return command;
        }

        await foreach (var command in feed.Select(issued => sent.Add(issued.CommandId) ? AgentCommandItem.From(issued) : null, cancellationToken))
        {
            yield return command;
        }
    }
}
