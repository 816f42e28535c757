using RealtimeApp.Web.Features.Users;

namespace RealtimeApp.Tests.Features.Users;

public sealed class BootstrapAdminPlanTests
{
    private static string Generated() => "Generated#1";

    [Fact]
    public void Decide_CreatesLocalhostAdminWithGeneratedPassword_WhenNothingIsConfiguredAndNoUsersExist()
    {
        var plan = BootstrapAdminPlan.Decide(new BootstrapAdminOptions(), anyUserExists: false, configuredEmailExists: false, Generated);

        plan.ShouldBe(new BootstrapAdminPlan.Create("admin@localhost", "Generated#1", PasswordWasGenerated: true));
    }

    [Fact]
    public void Decide_DoesNothing_WhenNothingIsConfiguredAndUsersExist()
    {
        var plan = BootstrapAdminPlan.Decide(new BootstrapAdminOptions(), anyUserExists: true, configuredEmailExists: false, Generated);

        plan.ShouldBeOfType<BootstrapAdminPlan.Nothing>();
    }

    [Fact]
    public void Decide_CreatesConfiguredAdmin_WhenEmailAndPasswordAreConfigured()
    {
        var options = new BootstrapAdminOptions { AdminEmail = " ops@example.com ", AdminPassword = "Ops#Pass1" };

        var plan = BootstrapAdminPlan.Decide(options, anyUserExists: true, configuredEmailExists: false, Generated);

        plan.ShouldBe(new BootstrapAdminPlan.Create("ops@example.com", "Ops#Pass1", PasswordWasGenerated: false));
    }

    [Fact]
    public void Decide_GeneratesPasswordForConfiguredEmail_WhenNoPasswordIsConfigured()
    {
        var options = new BootstrapAdminOptions { AdminEmail = "ops@example.com" };

        var plan = BootstrapAdminPlan.Decide(options, anyUserExists: false, configuredEmailExists: false, Generated);

        plan.ShouldBe(new BootstrapAdminPlan.Create("ops@example.com", "Generated#1", PasswordWasGenerated: true));
    }

    [Fact]
    public void Decide_EnsuresAdminRoleAndKeepsPassword_WhenConfiguredUserExists()
    {
        var options = new BootstrapAdminOptions { AdminEmail = "ops@example.com", AdminPassword = "Other#Pass1" };

        var plan = BootstrapAdminPlan.Decide(options, anyUserExists: true, configuredEmailExists: true, Generated);

        plan.ShouldBe(new BootstrapAdminPlan.EnsureAdmin("ops@example.com"));
    }

    [Fact]
    public void Decide_UsesConfiguredPasswordForLocalhostAdmin_WhenOnlyPasswordIsConfigured()
    {
        var options = new BootstrapAdminOptions { AdminPassword = "Local#Pass1" };

        var plan = BootstrapAdminPlan.Decide(options, anyUserExists: false, configuredEmailExists: false, Generated);

        plan.ShouldBe(new BootstrapAdminPlan.Create("admin@localhost", "Local#Pass1", PasswordWasGenerated: false));
    }
}
