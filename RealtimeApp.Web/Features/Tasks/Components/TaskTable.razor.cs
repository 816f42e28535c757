using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using RealtimeApp.Domain.Tasks;
using RealtimeApp.Web.Features.Tasks.Store;
using RealtimeApp.Web.Shared.Time;

namespace RealtimeApp.Web.Features.Tasks.Components;

public partial class TaskTable
{
    private SecondTicker? _ticker;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private BrowserTime Clock { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private TaskListQuery Query => State.Value.Query;

    // The table's items are the ids, which stay equal while a row's task changes: rows are updated, never rebuilt
    // (focus, hover and scroll stay where the user left them).
    private IReadOnlyList<string> RowIds => State.Value.Rows.ConvertAll(row => row.Id);

    private bool IsFiltered => Query.Status is not null || Query.AgentId is not null || !string.IsNullOrWhiteSpace(Query.Text);

    private int PageCount => (int)Math.Ceiling(State.Value.Total / (double)Query.PageSize);

    private string RangeText
    {
        get
        {
            var first = (Query.Page * Query.PageSize) + 1;
            var last = (Query.Page * Query.PageSize) + State.Value.Rows.Count;
            return State.Value.Total == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{first}–{last} of {State.Value.Total}");
        }
    }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _ticker = new SecondTicker(Time, OnTickAsync);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && await BrowserTimeZone.DetectAsync(JS, Clock))
        {
            StateHasChanged();
        }
    }

    private TaskView RowOf(string id) => State.Value.Rows.Find(row => row.Id == id)!;

    private Task OnTickAsync() =>
        State.Value.Rows.Exists(row => row.Status == TaskState.Running.ToWire()) ? InvokeAsync(StateHasChanged) : Task.CompletedTask;

    private void GoToPage(int page) => Dispatcher.Dispatch(new TaskListQueryChanged(Query with { Page = page - 1 }));

    private void ShowNewest() => Dispatcher.Dispatch(new TaskListQueryChanged(Query with { Sort = TaskSort.CreatedAt, Descending = true, Page = 0 }));

    private void Refresh() => Dispatcher.Dispatch(new TaskListRefreshRequested());

    private void ClearFilters() => Dispatcher.Dispatch(new TaskListQueryChanged(new TaskListQuery { Sort = Query.Sort, Descending = Query.Descending, PageSize = Query.PageSize }));

    protected override async ValueTask DisposeAsyncCore(bool disposing)
    {
        _ticker?.Dispose();
        await base.DisposeAsyncCore(disposing);
    }
}
