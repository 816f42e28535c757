using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace RealtimeApp.Web.Features.Demo;

/// <summary>
/// What a demo agent does over one connection, exactly as an external script would: report itself, follow its
/// commands, then loop: create a task, run it in steps (sometimes failing), and obey
/// <c>cancel</c> and <c>retry</c> commands, then rest (with heartbeats). Connection failures end the session (the agent reconnects); refusals
/// from the server (a task cancelled meanwhile, say) only end the current task.
/// </summary>
public sealed class DemoAgentSession(TrpcSocketClient client, string agentId, string displayName, DemoOptions options, TimeProvider time, ILogger logger)
{
    private readonly Random _random = new();
    private ChannelReader<JsonElement> _commands = null!;

    public async Task RunAsync(CancellationToken stopping)
    {
        await ReportAsync(new { agentId, status = "idle", displayName, version = "demo-1.0", metadata = Metadata() }, stopping);
        _commands = await client.SubscribeAsync("agents.onCommand", new { agentId }, stopping);
        await FailInterruptedTasksAsync(stopping);
        var taskId = await CreateTaskAsync(stopping);
        while (!stopping.IsCancellationRequested)
        {
            var retry = await RunTaskAsync(taskId, stopping);
            taskId = retry ?? await IdleAsync(stopping) ?? await CreateTaskAsync(stopping);
        }
    }

    /// <summary>Tasks left running by an earlier connection cannot be resumed: they fail, so staff can retry them.</summary>
    private async Task FailInterruptedTasksAsync(CancellationToken stopping)
    {
        var running = await client.QueryAsync("tasks.list", new { agentId, status = "running" }, stopping);
        foreach (var task in running.GetProperty("items").EnumerateArray())
        {
            var taskId = task.GetProperty("id").GetString()!;
            try
            {
                await client.MutateAsync("tasks.report", new
                {
                    taskId,
                    progress = task.GetProperty("progress").GetInt32(),
                    status = "failed",
                    message = "Interrupted",
                    error = "Interrupted: the agent lost its connection",
                    errorDetails = $"{displayName} reconnected and could not resume this task.",
                }, stopping);
            }
            catch (TrpcCallException refused)
            {
                logger.LogInformation("Demo agent {AgentId} could not close interrupted task {TaskId}: {Reason}", agentId, taskId, refused.Message);
            }
        }
    }

    /// <summary>Waits <c>Demo:IdleSeconds</c> with heartbeats; returns a task to retry when asked to.</summary>
    private async Task<string?> IdleAsync(CancellationToken stopping)
    {
        var until = time.GetUtcNow() + TimeSpan.FromSeconds(options.IdleSeconds);
        while (true)
        {
            var left = until - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            var command = await NextCommandAsync(Min(left, TimeSpan.FromSeconds(options.HeartbeatSeconds)), stopping);
            if (command is not null)
            {
                await AcknowledgeAsync(command, stopping);
                if (command.Kind == "retry")
                {
                    return command.TaskId;
                }
            }
            else if (time.GetUtcNow() < until)
            {
                await ReportAsync(new { agentId }, stopping);
            }
        }
    }

    private async Task<string> CreateTaskAsync(CancellationToken stopping)
    {
        var task = await client.MutateAsync("tasks.create", new { title = DemoScenario.TaskTitle(_random), agentId }, stopping);
        return task.GetProperty("id").GetString()!;
    }

    /// <summary>Runs a task to its end, failure or cancellation; returns a task to retry next, if one was asked for meanwhile.</summary>
    private async Task<string?> RunTaskAsync(string taskId, CancellationToken stopping)
    {
        string? retry = null;
        var failAt = _random.NextDouble() < options.FailureRate ? _random.Next(1, options.StepsPerTask + 1) : -1;
        try
        {
            await ReportAsync(new { agentId, status = "active", currentTask = taskId, progress = 0 }, stopping);
            await client.MutateAsync("tasks.report", new { taskId, progress = 0, status = "running", message = $"Started by {displayName}" }, stopping);
            for (var step = 1; step <= options.StepsPerTask; step++)
            {
                var (cancelled, retryAsked) = await WorkAsync(taskId, TimeSpan.FromSeconds(options.StepSeconds), stopping);
                retry ??= retryAsked;
                if (cancelled)
                {
                    break;
                }

                var progress = step * 100 / options.StepsPerTask;
                if (step == failAt)
                {
                    return await FailAsync(taskId, progress, retry, stopping);
                }

                await client.MutateAsync("tasks.report", step == options.StepsPerTask
                    ? new { taskId, progress, status = "succeeded", message = "Done" }
                    : new { taskId, progress, status = "running", message = $"Step {step} of {options.StepsPerTask}" }, stopping);
                await ReportAsync(new { agentId, status = "active", currentTask = taskId, progress }, stopping);
            }
        }
        catch (TrpcCallException refused)
        {
            logger.LogInformation("Demo agent {AgentId} stopped task {TaskId}: {Reason}", agentId, taskId, refused.Message);
        }

        await ReportAsync(new { agentId, status = "idle" }, stopping);
        return retry;
    }

    private async Task<string?> FailAsync(string taskId, int progress, string? retry, CancellationToken stopping)
    {
        var (error, details) = DemoScenario.Failure(_random);
        await client.MutateAsync("tasks.report", new { taskId, progress, status = "failed", message = error, error, errorDetails = details }, stopping);
        await ReportAsync(new { agentId, status = "error", currentTask = taskId, progress }, stopping);
        var (_, retryAsked) = await WorkAsync(taskId, TimeSpan.FromSeconds(options.IdleSeconds), stopping);
        await ReportAsync(new { agentId, status = "idle" }, stopping);
        return retry ?? retryAsked;
    }

    /// <summary>Works on <paramref name="taskId"/> for <paramref name="span"/>, handling commands meanwhile.</summary>
    private async Task<(bool Cancelled, string? Retry)> WorkAsync(string taskId, TimeSpan span, CancellationToken stopping)
    {
        var until = time.GetUtcNow() + span;
        string? retry = null;
        while (time.GetUtcNow() < until)
        {
            var command = await NextCommandAsync(until - time.GetUtcNow(), stopping);
            if (command is null)
            {
                break;
            }

            await AcknowledgeAsync(command, stopping);
            if (command.Kind == "cancel" && command.TaskId == taskId)
            {
                logger.LogInformation("Demo agent {AgentId} cancelled task {TaskId} as asked", agentId, taskId);
                return (true, retry);
            }

            retry = command.Kind == "retry" ? command.TaskId : retry;
        }

        return (false, retry);
    }

    /// <summary>The next command within <paramref name="wait"/>, or null when none came.</summary>
    private async Task<DemoCommand?> NextCommandAsync(TimeSpan wait, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(wait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            if (await _commands.WaitToReadAsync(either.Token) && _commands.TryRead(out var item))
            {
                return DemoCommand.From(item);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return null;
        }

        return _commands.Completion.IsCompleted ? throw new WebSocketException("The command subscription ended.") : null;
    }

    private Task AcknowledgeAsync(DemoCommand command, CancellationToken stopping) =>
        ReportAsync(new { agentId, acknowledge = new[] { command.CommandId } }, stopping);

    private Task ReportAsync(object report, CancellationToken stopping) => client.MutateAsync("agents.report", report, stopping);

    private static Dictionary<string, string> Metadata() => new() { ["mode"] = "demo", ["runtime"] = $".NET {Environment.Version}" };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
