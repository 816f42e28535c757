using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Shared.Actors;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>Admin → Rate limits: the role defaults and users' overrides, following every admin's changes live.</summary>
public partial class RateLimitsPage
{
    private static readonly RateLimitSource[] DefaultRoles = [RateLimitSource.Staff, RateLimitSource.Admin, RateLimitSource.Api];

    private static readonly IReadOnlySet<string> AdminRoles = new HashSet<string> { Roles.Admin };
    private static readonly IReadOnlySet<string> StaffRoles = new HashSet<string> { Roles.Staff };

    private RateLimitDefaults? _defaults;
    private IReadOnlyList<UserRateLimits> _overrides = [];
    private IReadOnlyList<RefusalCount> _refusals = [];
    private UserRateLimits? _selected;
    private string? _email;
    private string? _findError;
    private IDisposable? _changes;

    [Inject]
    private RateLimitPolicyService Policies { get; set; } = default!;

    [Inject]
    private RateLimitRefusals Refusals { get; set; } = default!;

    [Inject]
    private CircuitActor Circuit { get; set; } = default!;

    [Inject]
    private EventAggregator Aggregator { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _changes = Aggregator.Subscribe<RateLimitChanged>(Topics.RateLimits, async (_, _) => await InvokeAsync(ReloadAsync));
        await ReloadAsync();
    }

    public void Dispose() => _changes?.Dispose();

    private async Task ReloadAsync()
    {
        var actor = await Circuit.GetAsync();
        var defaults = await Policies.GetDefaultsAsync(actor);
        var overrides = await Policies.ListOverridesAsync(actor);
        if (Shown(defaults.Failure ?? overrides.Failure))
        {
            return;
        }

        (_defaults, _overrides, _refusals) = (defaults.Value, overrides.Value!, Refusals.Top(10));
        if (_selected is { } selected)
        {
            var refreshed = await Policies.FindUserAsync(actor, selected.Email);
            _selected = refreshed.Value;
        }

        StateHasChanged();
    }

    private async Task SaveDefaultAsync(RateLimitSource role, RateLimitValues values)
    {
        var saved = await Policies.SetDefaultAsync(await Circuit.GetAsync(), role, values);
        if (!Shown(saved.Failure))
        {
            Snackbar.Add($"{NameOf(role)} default saved.", Severity.Success);
        }
    }

    private async Task FindOnEnterAsync(KeyboardEventArgs key)
    {
        if (key.Key == "Enter")
        {
            await FindAsync();
        }
    }

    private async Task FindAsync()
    {
        var found = await Policies.FindUserAsync(await Circuit.GetAsync(), _email);
        (_selected, _findError) = (found.Value, found.Failure?.Message);
    }

    private async Task SaveOverrideAsync(UserRateLimits user, RateLimitValues values)
    {
        var saved = await Policies.SetOverrideAsync(await Circuit.GetAsync(), user.UserId, values);
        if (!Shown(saved.Failure))
        {
            Snackbar.Add($"Override for {user.Email} saved.", Severity.Success);
        }
    }

    private async Task RemoveOverrideAsync(UserRateLimits user)
    {
        var removed = await Policies.RemoveOverrideAsync(await Circuit.GetAsync(), user.UserId);
        if (!Shown(removed.Failure))
        {
            Snackbar.Add($"Override for {user.Email} removed; the role defaults apply.", Severity.Success);
        }
    }

    private string? ApiDefaultText(RateLimitField field) => $"Blank: {_defaults!.Api[field]} from the API default";

    private string? InheritedFor(UserRateLimits user, RateLimitField field)
    {
        var inherited = RateLimitResolver.Resolve(null, user.IsAdmin ? AdminRoles : StaffRoles, _defaults!)[field];
        return $"Blank: {inherited.Value} from the {NameOf(inherited.Source)} default";
    }

    private bool Shown(Failure? failure)
    {
        if (failure is not null)
        {
            Snackbar.Add(failure.Message, Severity.Error);
        }

        return failure is not null;
    }

    private static string NameOf(RateLimitSource role) => role == RateLimitSource.Api ? "API" : role.ToString();

    private static string DescriptionOf(RateLimitSource role) => role switch
    {
        RateLimitSource.Staff => "Every signed-in user. Blank API fields use the API default.",
        RateLimitSource.Admin => "Administrators (before the Staff default).",
        _ => "WebSocket API connections, for users whose role leaves a field blank.",
    };
}
