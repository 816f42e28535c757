using System.Threading.Channels;
using RealtimeApp.Client;
using RealtimeApp.Client.Api;

namespace RealtimeApp.Web.Features.Demo;

/// <summary>
/// What a demo agent does, exactly as an external script would: report itself, follow its commands, then loop: create
/// a task, run it in steps (sometimes failing), and obey <c>cancel</c> and <c>retry</c> commands, then rest (with
/// heartbeats). A connection lost under a call ends the session (the agent starts a new one, failing the task it was
/// running); refusals from the server (a task cancelled meanwhile, say) only end the current task.
/// </summary>
public sealed class DemoAgentSession(RealtimeClient client, string agentId, string displayName, DemoOptions options, TimeProvider time, ILogger logger)
{
    private readonly Random _random = new();
    private readonly Channel<AgentCommand> _commands = Channel.CreateBounded<AgentCommand>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });

    /// <summary>True once the agent's first report of the session was accepted.</summary>
    public bool Started { get; private set; }

    public async Task RunAsync(CancellationToken stopping)
    {
        await ReportAsync(new AgentReport(agentId, Status: "idle", DisplayName: displayName, Version: "demo-1.0", Metadata: Metadata()), stopping);
        Started = true;
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var following = FollowCommandsAsync(session.Token);
        try
        {
            await FailInterruptedTasksAsync(stopping);
            var taskId = await CreateTaskAsync(stopping);
            while (!stopping.IsCancellationRequested)
            {
                var retry = await RunTaskAsync(taskId, stopping);
                taskId = retry ?? await IdleAsync(stopping) ?? await CreateTaskAsync(stopping);
            }
        }
        finally
        {
            await session.CancelAsync();
            await following;
        }
    }

    /// <summary>Moves <c>agents.onCommand</c> (which resumes across reconnects by itself) into the session's queue until the session ends.</summary>
    private async Task FollowCommandsAsync(CancellationToken ending)
    {
        try
        {
            await foreach (var command in client.Agents.OnCommandAsync(agentId, ending))
            {
                await _commands.Writer.WriteAsync(command, ending);
            }

            _commands.Writer.TryComplete(new RealtimeConnectionException("The server ended the command subscription."));
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            _commands.Writer.TryComplete();
        }
        catch (Exception failure)
        {
            _commands.Writer.TryComplete(failure);
        }
    }

    /// <summary>Tasks left running by an earlier connection cannot be resumed: they fail, so staff can retry them.</summary>
    private async Task FailInterruptedTasksAsync(CancellationToken stopping)
    {
        var running = await client.Tasks.ListAsync(new TaskQuery(Status: "running", AgentId: agentId), stopping);
        foreach (var task in running.Items)
        {
            try
            {
                await client.Tasks.ReportAsync(
                    task.Id, task.Progress, status: "failed", message: "Interrupted", error: "Interrupted: the agent lost its connection",
                    errorDetails: $"{displayName} reconnected and could not resume this task.", cancellationToken: stopping);
            }
            catch (RealtimeApiException refused)
            {
                logger.LogInformation("Demo agent {AgentId} could not close interrupted task {TaskId}: {Reason}", agentId, task.Id, refused.Message);
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
                await ReportAsync(new AgentReport(agentId), stopping);
            }
        }
    }

    private async Task<string> CreateTaskAsync(CancellationToken stopping)
    {
        var task = await client.Tasks.CreateAsync(DemoScenario.TaskTitle(_random), agentId, cancellationToken: stopping);
        return task.Id;
    }

    /// <summary>Runs a task to its end, failure or cancellation; returns a task to retry next, if one was asked for meanwhile.</summary>
    private async Task<string?> RunTaskAsync(string taskId, CancellationToken stopping)
    {
        string? retry = null;
        var failAt = _random.NextDouble() < options.FailureRate ? _random.Next(1, options.StepsPerTask + 1) : -1;
        try
        {
            await ReportAsync(new AgentReport(agentId, Status: "active", CurrentTask: taskId, Progress: 0), stopping);
            await client.Tasks.ReportAsync(taskId, 0, status: "running", message: $"Started by {displayName}", cancellationToken: stopping);
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

                var (status, message) = step == options.StepsPerTask ? ("succeeded", "Done") : ("running", $"Step {step} of {options.StepsPerTask}");
                await client.Tasks.ReportAsync(taskId, progress, status, message, cancellationToken: stopping);
                await ReportAsync(new AgentReport(agentId, Status: "active", CurrentTask: taskId, Progress: progress), stopping);
            }
        }
        catch (RealtimeApiException refused)
        {
            logger.LogInformation("Demo agent {AgentId} stopped task {TaskId}: {Reason}", agentId, taskId, refused.Message);
        }

        await ReportAsync(new AgentReport(agentId, Status: "idle"), stopping);
        return retry;
    }

    private async Task<string?> FailAsync(string taskId, int progress, string? retry, CancellationToken stopping)
    {
        var (error, details) = DemoScenario.Failure(_random);
        await client.Tasks.ReportAsync(taskId, progress, "failed", message: error, error: error, errorDetails: details, cancellationToken: stopping);
        await ReportAsync(new AgentReport(agentId, Status: "error", CurrentTask: taskId, Progress: progress), stopping);
        var (_, retryAsked) = await WorkAsync(taskId, TimeSpan.FromSeconds(options.IdleSeconds), stopping);
        await ReportAsync(new AgentReport(agentId, Status: "idle"), stopping);
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
    private async Task<AgentCommand?> NextCommandAsync(TimeSpan wait, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(wait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            if (await _commands.Reader.WaitToReadAsync(either.Token) && _commands.Reader.TryRead(out var command))
            {
                return command;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return null;
        }

        // The subscription failed: its reason (a lost connection, a revoked token) ends the session.
        await _commands.Reader.Completion;
        throw new RealtimeConnectionException("The command subscription ended.");
    }

    private Task AcknowledgeAsync(AgentCommand command, CancellationToken stopping) =>
        ReportAsync(new AgentReport(agentId, Acknowledge: [command.CommandId]), stopping);

    private Task ReportAsync(AgentReport report, CancellationToken stopping) => client.Agents.ReportAsync(report, stopping);

    private static Dictionary<string, string> Metadata() => new() { ["mode"] = "demo", ["runtime"] = $".NET {Environment.Version}" };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
