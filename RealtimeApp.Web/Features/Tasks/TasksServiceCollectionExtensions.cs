using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Features.Tasks.Api;
using RealtimeApp.Web.Features.Tasks.Store;

namespace Microsoft.Extensions.DependencyInjection;

public static class TasksServiceCollectionExtensions
{
    /// <summary>Tasks: the write path (create, report, cancel, retry) their numbered timelines, published live, and the circuit's live task feed.</summary>
    public static IServiceCollection AddTasksFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TaskEvents>();
        services.AddSingleton<TaskLocks>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<TaskControl>();
        services.AddScoped<TaskFeed>();
        services.AddCircuitContext();
        return services;
    }

    /// <summary>The task procedures of the API (<c>tasks.*</c>, root <c>onTaskProgress</c>), over the services of <c>AddTasksFeature</c>. See docs/websocket-api.md.</summary>
    public static IServiceCollection AddTasksApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddTrpcProcedures(TaskProcedures.Register);
        return services;
    }
}
