using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Components.Layout;

namespace RealtimeApp.Tests.Components.Layout;

public sealed class PageErrorBoundaryTests : BunitContext
{
    private readonly CapturingLoggerProvider _logs = new();

    public PageErrorBoundaryTests()
    {
        // Its own set-up rather than ShellTestContext's: the logger must be registered before anything is resolved.
        Services.AddLogging(logging => logging.AddProvider(_logs));
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("ana@example.com");
    }

    [Fact]
    public void FailingPage_ShowsThePanelInItsPlace_AndIsLoggedWithTheUserAndThePage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/broken");

        var layout = RenderPage();

        layout.Find("[data-testid=page-error]").TextContent.ShouldContain("Something went wrong on this page");
        layout.Find("[data-testid=page-error] button").TextContent.Trim().ShouldBe("Reload");
        _logs.Entries.ShouldContain(entry => entry.Level == LogLevel.Error
            && entry.Message == "Page /broken failed for ana@example.com; the page shows its error panel"
            && entry.Exception is InvalidOperationException);
    }

    [Fact]
    public void NavigatingAway_RendersTheNextPage()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/broken");
        var layout = RenderPage();

        navigation.NavigateTo("/fine");

        layout.WaitForAssertion(() => layout.Find("p.page").TextContent.ShouldBe("the page at /fine"));
        layout.FindAll("[data-testid=page-error]").ShouldBeEmpty();
    }

    private IRenderedComponent<CascadingAuthenticationState> RenderPage() =>
        Render<CascadingAuthenticationState>(root => root.AddChildContent<PageErrorBoundary>(boundary => boundary.AddChildContent<PageThatBreaksOnBroken>()));

    /// <summary>A page that throws while rendering at <c>/broken</c>, as a page with a bug would.</summary>
    private sealed class PageThatBreaksOnBroken : ComponentBase
    {
        [Inject]
        private NavigationManager Navigation { get; set; } = default!;

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            var path = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
            if (path == "/broken")
            {
                throw new InvalidOperationException("a bug in the page");
            }

            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "class", "page");
            builder.AddContent(2, $"the page at {path}");
            builder.CloseElement();
        }
    }
}
