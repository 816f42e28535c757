using Microsoft.AspNetCore.Components;

namespace RealtimeApp.Tests.Features.Chat.Support;

/// <summary>A circuit's navigation outside a renderer (MudBlazor's snackbar service needs one); navigating goes nowhere.</summary>
public sealed class TestNavigationManager : NavigationManager
{
    public TestNavigationManager() => Initialize("http://localhost/", "http://localhost/chat");

    protected override void NavigateToCore(string uri, NavigationOptions options) => Uri = ToAbsoluteUri(uri).ToString();
}
