using Bunit;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Components.Layout;

namespace RealtimeApp.Tests.Components.Layout;

public sealed class NavMenuTests : ShellTestContext
{
    [Fact]
    public void NavMenu_ShowsAdminLink_WhenUserIsAdmin()
    {
        Authorization.SetAuthorized("admin@example.com");
        Authorization.SetRoles(Roles.Admin);

        var menu = Render<NavMenu>();

        LinkTexts(menu).ShouldBe(["Home", "Chat", "Tasks", "Agents", "Admin", "Account", "API tokens"]);
        menu.Find("a[href='/admin']").ShouldNotBeNull();
    }

    [Fact]
    public void NavMenu_HidesAdminLink_WhenUserIsStaff()
    {
        Authorization.SetAuthorized("staff@example.com");
        Authorization.SetRoles(Roles.Staff);

        var menu = Render<NavMenu>();

        LinkTexts(menu).ShouldBe(["Home", "Chat", "Tasks", "Agents", "Account", "API tokens"]);
        menu.FindAll("a[href='/admin']").ShouldBeEmpty();
    }

    private static string[] LinkTexts(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a.mud-nav-link").Select(link => link.TextContent.Trim()).ToArray();
}
