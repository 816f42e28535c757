namespace RealtimeApp.Client.Api;

/// <summary>A task as <c>tasks.create</c>, <c>tasks.report</c>, <c>tasks.get</c> and <c>tasks.list</c> return it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">What it is.</param>
/// <param name="AgentId">The agent running it, if any.</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="Progress">0–100.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="StartedAt">When it started running.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Error">Why it failed, in one line.</param>
/// <param name="ErrorDetails">More about the failure.</param>
/// <param name="LastSequence">The sequence of its newest progress event (the tracked event id of <c>tasks.onProgress</c>).</param>
/// <param name="ClientId">The creator's own id for it, when one was given.</param>
public sealed record TaskInfo(
    string Id,
    string Title,
    string? AgentId,
    string Status,
    int Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string? ErrorDetails,
    long LastSequence,
    string? ClientId = null);

/// <summary>A page of <c>tasks.list</c>.</summary>
/// <param name="Items">The tasks on this page.</param>
/// <param name="Total">How many tasks match in all.</param>
public sealed record TaskPage(IReadOnlyList<TaskInfo> Items, int Total);

/// <summary>A <c>tasks.onProgress</c> event.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Sequence">Its place among the task's events: 1, 2, 3… with no gaps.</param>
/// <param name="Progress">0–100.</param>
/// <param name="Status">The task's status after the event.</param>
/// <param name="Message">What the reporter said, if anything.</param>
/// <param name="At">When it happened.</param>
public sealed record TaskProgress(string TaskId, long Sequence, int Progress, string Status, string? Message, DateTimeOffset At);

/// <summary>Filters, order and paging of <c>tasks.list</c>; every member is optional.</summary>
/// <param name="Status">Only tasks with this status.</param>
/// <param name="AgentId">Only this agent's tasks.</param>
/// <param name="Text">Only tasks whose title contains it.</param>
/// <param name="Skip">How many to skip.</param>
/// <param name="Take">How many to return (at most 200).</param>
/// <param name="Sort">The field to order by (<c>createdAt</c> by default).</param>
/// <param name="Descending">Newest (or largest) first; true by default.</param>
public sealed record TaskQuery(string? Status = null, string? AgentId = null, string? Text = null, int Skip = 0, int Take = 50, string? Sort = null, bool Descending = true);
