using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace RealtimeApp.Tests.Components;

/// <summary>bUnit base for the app's components: MudBlazor services, loose JS interop, fake authorization, an interactive server renderer.</summary>
public abstract class ShellTestContext : BunitContext
{
    protected ShellTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Authorization = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Anonymous until a test calls <c>SetAuthorized</c> and <c>SetRoles</c>.</summary>
    protected BunitAuthorizationContext Authorization { get; }
}
