using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;

namespace RealtimeApp.Web.Components.Layout;

/// <summary>
/// Around the page body: a rendering or event-handler exception in a page shows a panel in its place and is logged with
/// the user and the page, instead of ending the tab's whole circuit. Navigating elsewhere renders the next page again.
/// </summary>
public sealed partial class PageErrorBoundary : ErrorBoundaryBase, IDisposable
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<PageErrorBoundary> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    protected override async Task OnErrorAsync(Exception exception)
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User.Identity?.Name;
        LogPageFailed(Logger, exception, "/" + Navigation.ToBaseRelativePath(Navigation.Uri), user ?? "(anonymous)");
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (CurrentException is not null)
        {
            _ = InvokeAsync(Recover);
        }
    }

    private void Reload() => Navigation.NavigateTo(Navigation.Uri, forceLoad: true);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Error, Message = "Page {Page} failed for {User}; the page shows its error panel")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, string page, string user);
}
