namespace RealtimeApp.Domain.Audit;

/// <summary>One administrative action: who did what to what, when, and the state before and after (JSON text).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ActorUserId { get; set; }

    /// <summary>The actor's email (their sign-in name) at the time, kept so the entry reads well after the account is gone.</summary>
    public required string ActorEmail { get; set; }

    /// <summary>A dotted name (the web app lists them in AuditActions), e.g. <c>user.locked</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What was acted on, e.g. <c>user:ana@example.com</c> or <c>room:dev</c>.</summary>
    public required string Target { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
