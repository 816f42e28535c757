using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Features.Tasks;

namespace Microsoft.Extensions.DependencyInjection;

public static class TasksServiceCollectionExtensions
{
    /// <summary>Tasks: the write path (create, report, cancel, retry) and their numbered timelines, published live.</summary>
    public static IServiceCollection AddTasksFeature(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TaskEvents>();
        services.AddSingleton<TaskLocks>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<TaskControl>();
        return services;
    }
}
