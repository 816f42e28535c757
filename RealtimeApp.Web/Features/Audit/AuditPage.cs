using RealtimeApp.Domain.Audit;

namespace RealtimeApp.Web.Features.Audit;

/// <summary>One page of audit entries and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);
