using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Features.Users.Administration;

namespace RealtimeApp.Tests.Features.Users.Administration;

public sealed class CreateAndListTests : UserAdministrationTestBase
{
    [Fact]
    public async Task CreateAsync_CreatesTheAccountWithItsRoleAndAudits_WhenInputIsValid()
    {
        var created = await Users.CreateAsync(Admin, new NewUser(" cleo@example.com ", "Cleo#Pass1", "staff"), Ct);

        created.Value.ShouldNotBeNull().Email.ShouldBe("cleo@example.com");
        (await RowAsync("cleo@example.com")).Roles.ShouldBe([Roles.Staff]);
        var entry = (await AuditEntriesAsync(AuditActions.UserCreated)).ShouldHaveSingleItem();
        entry.ActorEmail.ShouldBe(Admin.DisplayName);
        entry.Target.ShouldBe("user:cleo@example.com");
        entry.Before.ShouldBeNull();
        entry.After.ShouldBe("""{"email":"cleo@example.com","roles":["Staff"]}""");
    }

    [Fact]
    public async Task ValidateAsync_ReturnsIdentityMessagesPerField_WhenInputBreaksTheRules()
    {
        var issues = await Users.ValidateAsync(new NewUser(AnaEmail, "short", "Owner"), Ct);

        issues.Email.ShouldNotBeNull().ShouldContain("is already taken");
        issues.Password.ShouldNotBeNull().ShouldContain("at least 6 characters");
        issues.Role.ShouldBe("Choose Admin or Staff.");
    }

    [Fact]
    public async Task CreateAsync_RefusesAsInvalidAndCreatesNothing_WhenPasswordIsWeak()
    {
        var created = await Users.CreateAsync(Admin, new NewUser("dan@example.com", "password", Roles.Staff), Ct);

        created.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Invalid);
        (await Users.ListAsync(Admin, new UserQuery("dan@"), Ct)).Value!.Total.ShouldBe(0);
        (await AuditEntriesAsync(AuditActions.UserCreated)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_PagesAndSearchesByEmail()
    {
        for (var i = 0; i < 3; i++)
        {
            await Factory.CreateUserAsync($"team{i}@example.com", "Team#Pass1", Roles.Staff);
        }

        var page = (await Users.ListAsync(Admin, new UserQuery("TEAM", Page: 1, PageSize: 2), Ct)).Value!;

        page.Total.ShouldBe(3);
        page.Rows.ShouldHaveSingleItem().Email.ShouldBe("team2@example.com");
    }

    [Fact]
    public async Task ListAsync_RefusesAsForbidden_WhenActorIsNotAdmin()
    {
        var page = await Users.ListAsync(Ana, new UserQuery(), Ct);

        page.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
    }

    [Fact]
    public async Task SetRoleAsync_AuditsRolesBeforeAndAfter()
    {
        await Users.SetRoleAsync(Admin, Ana.UserId, Roles.Admin, granted: true, Ct);

        var entry = (await AuditEntriesAsync(AuditActions.RoleAdded)).ShouldHaveSingleItem();
        entry.Target.ShouldBe($"user:{AnaEmail}");
        entry.Before.ShouldBe("""{"roles":["Staff"]}""");
        entry.After.ShouldBe("""{"roles":["Admin","Staff"]}""");
    }

    [Fact]
    public async Task LockAndUnlock_AreAuditedAndShownInTheList()
    {
        await Users.LockAsync(Admin, Ana.UserId, Ct);
        (await RowAsync(AnaEmail)).IsLockedIndefinitely.ShouldBeTrue();

        await Users.UnlockAsync(Admin, Ana.UserId, Ct);

        (await RowAsync(AnaEmail)).IsLocked.ShouldBeFalse();
        (await AuditEntriesAsync(AuditActions.UserLocked)).ShouldHaveSingleItem().After.ShouldBe("""{"locked":true}""");
        (await AuditEntriesAsync(AuditActions.UserUnlocked)).ShouldHaveSingleItem().After.ShouldBe("""{"locked":false}""");
    }
}
