using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealtimeApp.Web.Features.Operations;
using RealtimeApp.Web.Features.Sessions;

namespace RealtimeApp.Web.Features.Admin.Dashboard;

/// <summary>Admin → Dashboard: redraws every second from the <see cref="MetricsSampler"/> on one timer, disposed with the page.</summary>
public partial class AdminDashboardPage
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private ITimer? _timer;
    private MetricSample? _latest;
    private IReadOnlyList<RoomActivity> _rooms = [];
    private IReadOnlyList<LiveConnection> _connections = [];
    private List<ChartSeries<double>> _connectionSeries = [];
    private List<ChartSeries<double>> _trafficSeries = [];
    private string[] _labels = [];

    [Inject]
    private MetricsSampler Sampler { get; set; } = default!;

    [Inject]
    private UserSessions Sessions { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override void OnInitialized()
    {
        Refresh();
        if (RendererInfo.IsInteractive)
        {
            _timer = Time.CreateTimer(_ => _ = InvokeAsync(() =>
            {
                Refresh();
                StateHasChanged();
            }), null, RefreshInterval, RefreshInterval);
        }
    }

    private void Refresh()
    {
        var history = Sampler.History;
        _latest = history.Count == 0 ? null : history[^1];
        _rooms = DashboardHistory.Rooms(history);
        _connections = Sessions.List();
        _connectionSeries = DashboardHistory.Connections(history);
        _trafficSeries = DashboardHistory.Traffic(history);
        _labels = DashboardHistory.Labels(history);
    }

    private static string Format(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Format(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–";

    public void Dispose() => _timer?.Dispose();
}
