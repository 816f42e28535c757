using System.ComponentModel.DataAnnotations;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Features.Tasks.Api;

/// <summary>
/// <c>tasks.create</c>: an optional <see cref="Id"/> chosen by the caller, else one is made; an optional
/// <see cref="ClientId"/> (unique per creating user) makes a retry return the original task instead of making another.
/// </summary>
public sealed record CreateTaskInput(
    [property: Required(ErrorMessage = "Required")] string Title,
    string? AgentId = null,
    string? Id = null,
    [property: ClientId] string? ClientId = null);

/// <summary><c>tasks.report</c>: progress 0–100 and, optionally, the new status and what happened.</summary>
public sealed record ReportTaskInput(
    [property: Required(ErrorMessage = "Required")] string TaskId,
    int Progress,
    string? Status = null,
    string? Message = null,
    string? Error = null,
    string? ErrorDetails = null);

/// <summary><c>tasks.get</c> and <c>tasks.cancel</c>.</summary>
public sealed record TaskIdInput([property: Required(ErrorMessage = "Required")] string TaskId);

/// <summary><c>tasks.onProgress</c> and the root <c>onTaskProgress</c>; <see cref="LastEventId"/> is a task event sequence.</summary>
public sealed record OnProgressInput([property: Required(ErrorMessage = "Required")] string TaskId, string? LastEventId = null);

/// <summary><c>tasks.list</c>: filters, order (<c>createdAt</c> descending unless <see cref="Sort"/> says otherwise) and paging.</summary>
public sealed record ListTasksInput(
    string? Status = null, string? AgentId = null, string? Text = null, int Skip = 0, int Take = 50, string? Sort = null, bool Descending = true)
    : IOptionalInput;
