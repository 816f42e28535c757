using MudBlazor;
using RealtimeApp.Domain.Users;

namespace RealtimeApp.Web.Features.ApiTokens;

public sealed partial class ApiTokensPage
{
    private Actor? _actor;
    private CreatedApiToken? _created;
    private IReadOnlyList<ApiTokenSummary> _mine = [];
    private IReadOnlyList<ApiTokenSummary> _all = [];

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _mine = await Tokens.ListAsync(_actor!);
        if (_actor!.IsAdmin)
        {
            _all = (await Tokens.ListAllAsync(_actor)).Value ?? [];
        }
    }

    private async Task OnCreatedAsync(CreatedApiToken created)
    {
        _created = created;
        await LoadAsync();
    }

    private async Task RevokeAsync(ApiTokenSummary token)
    {
        var owner = token.UserId == _actor!.UserId ? "" : $" of {token.UserEmail}";
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Revoke token?",
            $"'{token.Name}'{owner} stops working at once, and connections using it are closed. This cannot be undone.",
            yesText: "Revoke",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var revoked = await Tokens.RevokeAsync(_actor, token.Id);
        if (revoked.Succeeded)
        {
            Snackbar.Add($"Token '{token.Name}' revoked.", Severity.Success);
            if (_created?.Token.Id == token.Id)
            {
                _created = null;
            }
        }
        else
        {
            Snackbar.Add(revoked.Failure!.Message, Severity.Error);
        }

        await LoadAsync();
    }
}
