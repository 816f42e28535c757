using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Features.Agents.Api;

/// <summary><c>agents.report</c> and <c>agents.list</c> over the services the UI uses.</summary>
internal static class AgentProcedures
{
    public static void Register(ProcedureRouter router) => router
        .Mutation<ReportAgentInput, AgentView>("agents.report", ReportAsync)
        .Query<IReadOnlyList<AgentView>>("agents.list", ListAsync);

    private static async Task<AgentView> ReportAsync(ProcedureContext context, ReportAgentInput input) =>
        (await context.Services.GetRequiredService<AgentService>().ReportAsync(
            context.RequireActor(),
            new AgentReport(input.AgentId, input.Status, input.DisplayName, input.CurrentTask, input.Progress, input.Version, input.Metadata, input.Acknowledge),
            context.CancellationToken)).ValueOrThrow();

    private static async Task<IReadOnlyList<AgentView>> ListAsync(ProcedureContext context)
    {
        context.RequireActor();
        return await context.Services.GetRequiredService<AgentService>().ListAsync(context.CancellationToken);
    }
}
