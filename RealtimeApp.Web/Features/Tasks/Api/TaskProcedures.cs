using System.Text.Json;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Features.Tasks.Api;

/// <summary><c>tasks.create</c>, <c>tasks.report</c>, <c>tasks.get</c>, <c>tasks.cancel</c> and the tracked <c>tasks.onProgress</c> (and the seed's root <c>onTaskProgress</c>).</summary>
internal static class TaskProcedures
{
    public static void Register(ProcedureRouter router) => router
        .Mutation<CreateTaskInput, TaskView>("tasks.create", ApiScopes.TasksWrite, CreateAsync)
        .Mutation<ReportTaskInput, TaskView>("tasks.report", ApiScopes.TasksWrite, ReportAsync)
        .Query<TaskIdInput, TaskView>("tasks.get", ApiScopes.TasksRead, GetAsync)
        .Query<ListTasksInput, TaskPage>("tasks.list", ApiScopes.TasksRead, ListAsync)
        .Mutation<TaskIdInput, TaskView>("tasks.cancel", ApiScopes.TasksWrite, CancelAsync)
        .TrackedSubscription<OnProgressInput, TaskEventView>("tasks.onProgress", ApiScopes.TasksRead, (context, input) => TaskProgressStream.OpenAsync(context, input, entry => entry))
        .TrackedSubscription<OnProgressInput, SeedTaskProgress>("onTaskProgress", ApiScopes.TasksRead, (context, input) => TaskProgressStream.OpenAsync(context, input, SeedTaskProgress.From));

    private static async Task<TaskView> CreateAsync(ProcedureContext context, CreateTaskInput input) =>
        (await context.Get<TaskService>().CreateAsync(context.RequireActor(), input.Title, input.AgentId, input.Id, input.ClientId, context.CancellationToken)).ValueOrThrow();

    private static async Task<TaskView> ReportAsync(ProcedureContext context, ReportTaskInput input) =>
        (await context.Get<TaskService>().ReportAsync(
            context.RequireActor(),
            new TaskReport(input.TaskId, input.Progress, input.Status, input.Message, input.Error, input.ErrorDetails),
            context.CancellationToken)).ValueOrThrow();

    private static async Task<TaskView> GetAsync(ProcedureContext context, TaskIdInput input)
    {
        context.RequireActor();
        return (await context.Get<TaskService>().GetAsync(input.TaskId, context.CancellationToken)).ValueOrThrow();
    }

    private static async Task<TaskPage> ListAsync(ProcedureContext context, ListTasksInput input)
    {
        context.RequireActor();
        return (await context.Get<TaskService>().ListAsync(
            new TaskQuery(input.Status, input.AgentId, input.Text, input.Skip, input.Take, ParseSort(input.Sort), input.Descending),
            context.CancellationToken)).ValueOrThrow();
    }

    private static readonly string SortNames = string.Join(", ", Enum.GetNames<TaskSort>().Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static TaskSort ParseSort(string? sort) =>
        sort is null ? TaskSort.CreatedAt
        : !sort.Any(char.IsDigit) && Enum.TryParse<TaskSort>(sort, ignoreCase: true, out var parsed) ? parsed
        : throw InputErrors.Invalid("sort", $"must be one of {SortNames}");

    private static async Task<TaskView> CancelAsync(ProcedureContext context, TaskIdInput input) =>
        (await context.Get<TaskControl>().CancelAsync(context.RequireActor(), input.TaskId, context.CancellationToken)).ValueOrThrow();
}
