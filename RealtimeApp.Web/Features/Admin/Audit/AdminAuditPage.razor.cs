using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealtimeApp.Domain.Audit;
using RealtimeApp.Web.Features.Audit;

namespace RealtimeApp.Web.Features.Admin.Audit;

/// <summary>Admin → Audit: who did what and when, newest first, with filters and paging.</summary>
public partial class AdminAuditPage
{
    private MudTable<AuditEntry>? _table;
    private string? _actor;
    private string? _action;
    private string? _text;
    private string? _address;
    private DateTime? _from;
    private DateTime? _to;

    [Inject]
    private IAuditLog AuditLog { get; set; } = default!;

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var query = new AuditQuery(_actor, _action, _text, ToUtc(_from), ToUtc(_to?.AddDays(1)), state.Page, state.PageSize, _address);
        var page = await AuditLog.QueryAsync(query, cancellationToken);
        return new TableData<AuditEntry> { Items = page.Entries, TotalItems = page.Total };
    }

    private async Task FilterAsync(Action set)
    {
        set();
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private static DateTimeOffset? ToUtc(DateTime? date) =>
        date is { } day ? new DateTimeOffset(DateTime.SpecifyKind(day.Date, DateTimeKind.Utc)) : null;
}
