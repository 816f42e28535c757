using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealtimeApp.Domain.Common;
using RealtimeApp.Web.Features.Users.Administration;
using RealtimeApp.Web.Shared.Actors;

namespace RealtimeApp.Web.Features.Admin.Users;

/// <summary>Admin → Users: search and page through accounts, create them, set roles, lock and unlock.</summary>
public partial class AdminUsersPage
{
    private MudTable<UserRow>? _table;
    private string? _search;

    [Inject]
    private UserAdministration Users { get; set; } = default!;

    [Inject]
    private CircuitActor Circuit { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private async Task<TableData<UserRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Users.ListAsync(await Circuit.GetAsync(), new UserQuery(_search, state.Page, state.PageSize), cancellationToken);
        if (!page.Succeeded)
        {
            Snackbar.Add(page.Failure!.Message, Severity.Error);
            return new TableData<UserRow> { Items = [], TotalItems = 0 };
        }

        return new TableData<UserRow> { Items = page.Value!.Rows, TotalItems = page.Value.Total };
    }

    private async Task SearchAsync(string? search)
    {
        _search = search;
        await ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task SetRoleAsync(UserRow user, string role, bool granted) =>
        await ShowAsync(await Users.SetRoleAsync(await Circuit.GetAsync(), user.Id, role, granted),
            granted ? $"{user.Email} is now {role}." : $"{user.Email} is no longer {role}.");

    private async Task LockAsync(UserRow user)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Lock account", $"Lock {user.Email}? They are signed out everywhere at once and cannot sign in until unlocked.", yesText: "Lock", cancelText: "Cancel");
        if (confirmed == true)
        {
            await ShowAsync(await Users.LockAsync(await Circuit.GetAsync(), user.Id), $"{user.Email} is locked and signed out.");
        }
    }

    private async Task UnlockAsync(UserRow user) =>
        await ShowAsync(await Users.UnlockAsync(await Circuit.GetAsync(), user.Id), $"{user.Email} is unlocked.");

    private async Task ShowAsync(Result<UserRow> result, string success)
    {
        Snackbar.Add(result.Succeeded ? success : result.Failure!.Message, result.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }
}
