using RealtimeApp.Web.Features.Agents.Api;
using RealtimeApp.Web.Features.Tasks.Api;

namespace Microsoft.Extensions.DependencyInjection;

public static class TasksApiServiceCollectionExtensions
{
    /// <summary>The task and agent procedures of the WebSocket API (<c>tasks.*</c>, <c>agents.*</c>). See docs/websocket-api.md.</summary>
    public static IServiceCollection AddTasksApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddTrpcProcedures(TaskProcedures.Register);
        services.AddTrpcProcedures(AgentProcedures.Register);
        return services;
    }
}
