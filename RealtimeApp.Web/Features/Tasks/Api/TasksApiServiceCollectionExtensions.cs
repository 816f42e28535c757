using RealtimeApp.Web.Features.Tasks.Api;

namespace Microsoft.Extensions.DependencyInjection;

public static class TasksApiServiceCollectionExtensions
{
    /// <summary>The task procedures of the API (<c>tasks.*</c>, root <c>onTaskProgress</c>), over the services of <c>AddTasksFeature</c>. See docs/websocket-api.md.</summary>
    public static IServiceCollection AddTasksApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddTrpcProcedures(TaskProcedures.Register);
        return services;
    }
}
