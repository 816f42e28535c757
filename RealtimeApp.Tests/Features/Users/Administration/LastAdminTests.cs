using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Users.Administration;

namespace RealtimeApp.Tests.Features.Users.Administration;

public sealed class LastAdminTests : UserAdministrationTestBase
{
    [Fact]
    public async Task SetRoleAsync_RefusesWithConflict_WhenRemovingAdminFromTheLastAdmin()
    {
        await Users.SetRoleAsync(Admin, Admin.UserId, Roles.Staff, granted: true, Ct);

        var demoted = await Users.SetRoleAsync(Admin, Admin.UserId, Roles.Admin, granted: false, Ct);

        demoted.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Conflict);
        demoted.Failure.Message.ShouldBe(UserAdministration.LastAdminMessage);
        (await RowAsync(RealtimeAppFactory.AdminEmail)).Roles.ShouldContain(Roles.Admin);
    }

    [Fact]
    public async Task SetRoleAsync_RemovesAdmin_WhenAnotherAdminRemains()
    {
        var ana = await MakeAdminAsync(Ana);

        var demoted = await Users.SetRoleAsync(ana, Admin.UserId, Roles.Staff, granted: true, Ct);
        demoted = await Users.SetRoleAsync(ana, Admin.UserId, Roles.Admin, granted: false, Ct);

        demoted.Value.ShouldNotBeNull().Roles.ShouldBe([Roles.Staff]);
    }

    [Fact]
    public async Task SetRoleAsync_RefusesAsInvalid_WhenItWouldLeaveTheUserWithoutARole()
    {
        var removed = await Users.SetRoleAsync(Admin, Ana.UserId, Roles.Staff, granted: false, Ct);

        removed.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Invalid);
        (await RowAsync(AnaEmail)).Roles.ShouldBe([Roles.Staff]);
    }

    [Fact]
    public async Task SetRoleAsync_RefusesWithConflict_WhenTheOnlyOtherAdminIsLocked()
    {
        var ana = await MakeAdminAsync(Ana);
        (await Users.LockAsync(Admin, ana.UserId, Ct)).Failure.ShouldBeNull();

        var demoted = await Users.SetRoleAsync(Admin, Admin.UserId, Roles.Staff, granted: true, Ct);
        demoted = await Users.SetRoleAsync(Admin, Admin.UserId, Roles.Admin, granted: false, Ct);

        demoted.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Conflict);
    }

    [Fact]
    public async Task LockAsync_RefusesWithConflict_WhenLockingTheLastAdmin()
    {
        var operatorActor = new Actor("operator", "operator@example.com", new HashSet<string> { Roles.Admin });

        var locked = await Users.LockAsync(operatorActor, Admin.UserId, Ct);

        locked.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Conflict);
        (await RowAsync(RealtimeAppFactory.AdminEmail)).IsLocked.ShouldBeFalse();
    }

    [Fact]
    public async Task LockAsync_RefusesAsInvalid_WhenAdminLocksThemselves()
    {
        await MakeAdminAsync(Ana);

        var locked = await Users.LockAsync(Admin, Admin.UserId, Ct);

        locked.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Invalid);
        (await RowAsync(RealtimeAppFactory.AdminEmail)).IsLocked.ShouldBeFalse();
    }

    [Fact]
    public async Task LockAsync_RefusesAsForbidden_WhenActorIsNotAdmin()
    {
        var locked = await Users.LockAsync(Ana, Admin.UserId, Ct);

        locked.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
    }
}
