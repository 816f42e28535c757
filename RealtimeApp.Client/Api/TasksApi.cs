using System.Globalization;
using System.Runtime.CompilerServices;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Api;

/// <summary>The <c>tasks.*</c> procedures.</summary>
public sealed class TasksApi
{
    private readonly RealtimeClient _client;

    internal TasksApi(RealtimeClient client) => _client = client;

    /// <summary>
    /// <c>tasks.create</c>: a new queued task, for <paramref name="agentId"/> if given, with the caller's own
    /// <paramref name="id"/> if given. With a <paramref name="clientId"/> creating again returns the first task.
    /// </summary>
    public async Task<TaskInfo> CreateAsync(string title, string? agentId = null, string? id = null, string? clientId = null, CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Mutation, "tasks.create",
            RealtimeClient.Serialize(new CreateTaskInput(title, agentId, id, clientId), ClientJsonContext.Default.CreateTaskInput),
            ClientJsonContext.Default.TaskInfo, cancellationToken))!;

    /// <summary><c>tasks.report</c>: progress 0–100 and, optionally, a new status (<c>running</c>, <c>succeeded</c>, <c>failed</c>…) and what happened.</summary>
    public async Task<TaskInfo> ReportAsync(
        string taskId, int progress, string? status = null, string? message = null, string? error = null, string? errorDetails = null,
        CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Mutation, "tasks.report",
            RealtimeClient.Serialize(new ReportTaskInput(taskId, progress, status, message, error, errorDetails), ClientJsonContext.Default.ReportTaskInput),
            ClientJsonContext.Default.TaskInfo, cancellationToken))!;

    /// <summary><c>tasks.get</c>.</summary>
    public async Task<TaskInfo> GetAsync(string taskId, CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Query, "tasks.get",
            RealtimeClient.Serialize(new TaskIdInput(taskId), ClientJsonContext.Default.TaskIdInput), ClientJsonContext.Default.TaskInfo, cancellationToken))!;

    /// <summary><c>tasks.list</c>: the tasks <paramref name="query"/> selects (the newest 50 by default).</summary>
    public async Task<TaskPage> ListAsync(TaskQuery? query = null, CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Query, "tasks.list",
            RealtimeClient.Serialize(query ?? new TaskQuery(), ClientJsonContext.Default.TaskQuery), ClientJsonContext.Default.TaskPage, cancellationToken))!;

    /// <summary><c>tasks.cancel</c>: cancels a queued or running task (its agent gets a <c>cancel</c> command).</summary>
    public async Task<TaskInfo> CancelAsync(string taskId, CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Mutation, "tasks.cancel",
            RealtimeClient.Serialize(new TaskIdInput(taskId), ClientJsonContext.Default.TaskIdInput), ClientJsonContext.Default.TaskInfo, cancellationToken))!;

    /// <summary>
    /// <c>tasks.onProgress</c>: the task's events after <paramref name="afterSequence"/> (by default, after its newest
    /// when called), every one once and in order across lost connections and restarts.
    /// </summary>
    public async IAsyncEnumerable<TaskProgress> OnProgressAsync(
        string taskId, long? afterSequence = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = afterSequence ?? (await GetAsync(taskId, cancellationToken)).LastSequence;
        var input = RealtimeClient.Serialize(new TaskIdInput(taskId), ClientJsonContext.Default.TaskIdInput);
        await foreach (var progress in _client.Subscribe(
            "tasks.onProgress", input, after.ToString(CultureInfo.InvariantCulture), ClientJsonContext.Default.TaskProgress, cancellationToken))
        {
            yield return progress;
        }
    }
}
