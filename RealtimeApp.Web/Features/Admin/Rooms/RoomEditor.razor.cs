using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Web.Features.Admin.Rooms;

public partial class RoomEditor
{
    private string? _name;
    private string? _topic;
    private bool _isPrivate;
    private string? _error;
    private string? _newMember;
    private string? _memberError;
    private IReadOnlyList<RoomMemberRow> _members = [];

    [Parameter, EditorRequired]
    public AdminRoomRow Room { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        (_name, _topic, _isPrivate) = (Room.Name, Room.Topic, Room.IsPrivate);
        await LoadMembersAsync();
    }

    private async Task SaveAsync()
    {
        var saved = await Administration.UpdateAsync(await Circuit.GetAsync(), Room.Id, new RoomSettings(_name, _topic ?? "", _isPrivate));
        _error = saved.Failure?.Message;
        Report(saved, "Saved.");
    }

    private async Task ArchiveAsync() => Report(await Administration.ArchiveAsync(await Circuit.GetAsync(), Room.Id), $"#{Room.Name} archived.");

    private async Task RestoreAsync() => Report(await Administration.RestoreAsync(await Circuit.GetAsync(), Room.Id), $"#{Room.Name} restored.");

    private async Task AddAsync(string? email, RoomRole role)
    {
        var added = await Members.AddAsync(await Circuit.GetAsync(), Room.Id, email, role);
        _memberError = added.Failure?.Message;
        if (added.Succeeded)
        {
            _newMember = null;
            await LoadMembersAsync();
        }
    }

    private async Task RemoveAsync(string userId)
    {
        var removed = await Members.RemoveAsync(await Circuit.GetAsync(), Room.Id, userId);
        Report(removed, "Member removed.");
        await LoadMembersAsync();
    }

    private async Task LoadMembersAsync()
    {
        var members = await Members.ListAsync(await Circuit.GetAsync(), Room.Id);
        _members = members.Value ?? [];
    }

    private void Report<T>(Result<T> result, string success) =>
        Snackbar.Add(result.Succeeded ? success : result.Failure!.Message, result.Succeeded ? Severity.Success : Severity.Warning);
}
