using Microsoft.AspNetCore.Components;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Features.Rooms;
using RealtimeApp.Web.Shared.Actors;

namespace RealtimeApp.Web.Features.Admin.Rooms;

/// <summary>Admin → Rooms. The list follows room changes live, whoever makes them.</summary>
public partial class AdminRoomsPage
{
    private IReadOnlyList<AdminRoomRow> _rooms = [];
    private string? _selectedId;
    private IDisposable? _changes;

    [Inject]
    private RoomAdministration Administration { get; set; } = default!;

    [Inject]
    private CircuitActor Circuit { get; set; } = default!;

    [Inject]
    private EventAggregator Aggregator { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _changes = Aggregator.Subscribe<RoomChanged>(Topics.Rooms, async (_, _) => await InvokeAsync(ReloadAsync));
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _rooms = await Administration.ListAsync(await Circuit.GetAsync());
        StateHasChanged();
    }

    private string SelectedRowClass(AdminRoomRow row, int index) => row.Id == _selectedId ? "mud-selected-item" : string.Empty;

    public void Dispose() => _changes?.Dispose();
}
