using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Features.Agents.Api;

/// <summary><c>agents.report</c>, <c>agents.list</c>, <c>agents.onStatus</c> (and the seed's root <c>onAgentStatus</c>) and <c>agents.onCommand</c>.</summary>
internal static class AgentProcedures
{
    public static void Register(ProcedureRouter router) => router
        .Mutation<ReportAgentInput, AgentView>("agents.report", ApiScopes.AgentsReport, ReportAsync)
        .Query<IReadOnlyList<AgentView>>("agents.list", ApiScopes.AgentsRead, ListAsync)
        .Subscription<AgentStatusItem>("agents.onStatus", ApiScopes.AgentsRead, AgentStreams.OnStatus)
        .Subscription<AgentStatusItem>("onAgentStatus", ApiScopes.AgentsRead, AgentStreams.OnStatus)
        .Subscription<AgentIdInput, AgentCommandItem>("agents.onCommand", ApiScopes.AgentsReport, AgentStreams.OnCommandAsync);

    private static async Task<AgentView> ReportAsync(ProcedureContext context, ReportAgentInput input) =>
        (await context.Get<AgentService>().ReportAsync(
            context.RequireActor(),
            new AgentReport(input.AgentId, input.Status, input.DisplayName, input.CurrentTask, input.Progress, input.Version, input.Metadata, input.Acknowledge),
            context.CancellationToken)).ValueOrThrow();

    private static async Task<IReadOnlyList<AgentView>> ListAsync(ProcedureContext context)
    {
        context.RequireActor();
        return await context.Get<AgentService>().ListAsync(context.CancellationToken);
    }
}
