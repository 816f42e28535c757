using Bunit;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Components.Layout;

namespace RealtimeApp.Tests.Components.Layout;

public sealed class UserMenuTests : ShellTestContext
{
    [Fact]
    public void UserMenu_ShowsUserAndLogOut_WhenSignedIn()
    {
        Authorization.SetAuthorized("ana@example.com");
        Authorization.SetRoles(Roles.Staff);

        var menu = Render<UserMenu>();

        menu.Find("[aria-label='Signed in as']").TextContent.ShouldBe("ana@example.com");
        menu.Find("form[action='Account/Logout'] button[type=submit]").TextContent.ShouldContain("Log out");
        menu.Find("form[action='Account/Logout'] input[name=ReturnUrl]").GetAttribute("value").ShouldBe("Account/Login");
    }

    [Fact]
    public void UserMenu_OffersLogIn_WhenAnonymous()
    {
        var menu = Render<UserMenu>();

        menu.Find("a[href='Account/Login']").TextContent.ShouldContain("Log in");
        menu.FindAll("form[action='Account/Logout']").ShouldBeEmpty();
    }
}
