namespace RealtimeApp.Web.Features.Audit;

/// <summary>
/// Audit filters: actor email (substring), exact action, text found in the target, before or after, and a time range
/// (<paramref name="From"/> inclusive, <paramref name="To"/> exclusive), and the client address of sign-in entries
/// (<paramref name="Address"/>, exact). Pages count from 0.
/// </summary>
public sealed record AuditQuery(
    string? Actor = null,
    string? Action = null,
    string? Text = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 0,
    int PageSize = 25,
    string? Address = null);
