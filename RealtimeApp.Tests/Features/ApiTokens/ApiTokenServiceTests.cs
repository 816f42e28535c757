using System.Security.Claims;
using System.Text;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Common;
using RealtimeApp.Web.Features.ApiTokens;

namespace RealtimeApp.Tests.Features.ApiTokens;

public sealed class ApiTokenServiceTests : ApiTokenTestBase
{
    [Fact]
    public async Task Create_StoresOnlyTheHashAndPrefix_NeverTheSecret()
    {
        var created = await CreateAsync(Ana, "ci");

        var stored = (await StoredTokensAsync()).ShouldHaveSingleItem();
        stored.Hash.ShouldBe(ApiTokenSecret.Hash(created.Secret));
        stored.Hash.ShouldNotBe(Encoding.UTF8.GetBytes(created.Secret));
        stored.Prefix.ShouldBe(created.Secret[..8]);
        stored.Name.ShouldBe("ci");
        stored.UserId.ShouldBe(Ana.UserId);
        created.Token.Status.ShouldBe(ApiTokenStatus.Active);
        created.Token.UserEmail.ShouldBe("ana@example.com");
    }

    [Theory]
    [InlineData("", "Name is required.")]
    [InlineData("an-extremely-long-token-name-that-goes-on-and-on-past-the-sixty-four-limit", "Name must be at most 64 characters.")]
    public async Task Create_SavesNothing_WhenNameIsInvalid(string name, string message)
    {
        var created = await Tokens.CreateAsync(Ana.UserId, name, null, [ApiScopes.All], Ct);

        created.Failure.ShouldBe(Failure.Invalid(message));
        (await StoredTokensAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_SavesNothing_WhenExpiryIsInThePast()
    {
        var created = await Tokens.CreateAsync(Ana.UserId, "ci", Time.GetUtcNow().AddMinutes(-1), [ApiScopes.All], Ct);

        created.Failure.ShouldBe(Failure.Invalid("Expiry must be in the future."));
        (await StoredTokensAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_IsConflict_WhenOwnerHasActiveTokenWithThatName()
    {
        await CreateAsync(Ana, "ci");

        var duplicate = await Tokens.CreateAsync(Ana.UserId, " ci ", null, [ApiScopes.All], Ct);
        var otherOwner = await Tokens.CreateAsync(Ben.UserId, "ci", null, [ApiScopes.All], Ct);

        duplicate.Failure!.Kind.ShouldBe(FailureKind.Conflict);
        otherOwner.Succeeded.ShouldBeTrue();
        (await StoredTokensAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Create_ReusesName_WhenEarlierTokenIsRevokedOrExpired()
    {
        var revoked = await CreateAsync(Ana, "ci");
        await Tokens.RevokeAsync(Ana, revoked.Token.Id, Ct);
        await CreateAsync(Ana, "nightly", Time.GetUtcNow().AddDays(1));
        Time.Advance(TimeSpan.FromDays(2));

        var again = await Tokens.CreateAsync(Ana.UserId, "ci", null, [ApiScopes.All], Ct);
        var nightly = await Tokens.CreateAsync(Ana.UserId, "nightly", null, [ApiScopes.All], Ct);

        again.Succeeded.ShouldBeTrue();
        nightly.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task List_ReturnsOwnTokens_AndListAllReturnsEveryonesForAdmins()
    {
        await CreateAsync(Ana, "ana-ci");
        await CreateAsync(Ben, "ben-ci");

        var anas = await Tokens.ListAsync(Ana, Ct);
        var all = await Tokens.ListAllAsync(Admin, Ct);
        var staffAll = await Tokens.ListAllAsync(Ana, Ct);

        anas.Select(t => t.Name).ShouldBe(["ana-ci"]);
        all.Value!.Select(t => (t.Name, t.UserEmail)).ShouldBe([("ben-ci", "ben@example.com"), ("ana-ci", "ana@example.com")], ignoreOrder: true);
        staffAll.Failure!.Kind.ShouldBe(FailureKind.Forbidden);
    }

    [Fact]
    public async Task List_ShowsExpiredAsExpired_AndHidesRevoked()
    {
        await CreateAsync(Ana, "short", Time.GetUtcNow().AddHours(1));
        var revoked = await CreateAsync(Ana, "gone");
        await Tokens.RevokeAsync(Ana, revoked.Token.Id, Ct);
        Time.Advance(TimeSpan.FromHours(2));

        var list = await Tokens.ListAsync(Ana, Ct);

        list.ShouldHaveSingleItem().Status.ShouldBe(ApiTokenStatus.Expired);
    }

    [Fact]
    public async Task Revoke_IsForbidden_WhenActorIsNeitherOwnerNorAdmin()
    {
        var token = await CreateAsync(Ana, "ci");

        var revoked = await Tokens.RevokeAsync(Ben, token.Token.Id, Ct);

        revoked.Failure!.Kind.ShouldBe(FailureKind.Forbidden);
        (await StoredTokensAsync()).ShouldHaveSingleItem().RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Revoke_RevokesAnyonesToken_WhenActorIsAdmin()
    {
        var token = await CreateAsync(Ana, "ci");

        var revoked = await Tokens.RevokeAsync(Admin, token.Token.Id, Ct);

        revoked.Value!.Status.ShouldBe(ApiTokenStatus.Revoked);
        (await StoredTokensAsync()).ShouldHaveSingleItem().RevokedAt.ShouldBe(Time.GetUtcNow());
    }

    [Fact]
    public async Task Revoke_IsNotFound_WhenTokenDoesNotExist()
    {
        var revoked = await Tokens.RevokeAsync(Admin, 4242, Ct);

        revoked.Failure!.Kind.ShouldBe(FailureKind.NotFound);
    }

    [Fact]
    public async Task Validate_ReturnsPrincipalWithIdentityRolesAndTokenId_WhenTokenIsActive()
    {
        var token = await CreateAsync(Ana, "ci");

        var validated = await Tokens.ValidateAsync(token.Secret, Ct);

        var principal = validated.Value.ShouldNotBeNull();
        principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe(Ana.UserId);
        principal.Identity!.Name.ShouldBe("ana@example.com");
        principal.IsInRole("Staff").ShouldBeTrue();
        principal.FindFirstValue(ApiTokenClaims.TokenId).ShouldBe(token.Token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        principal.Identity.AuthenticationType.ShouldBe(ApiTokenClaims.AuthenticationType);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("rt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Validate_FailsAsInvalid_WhenTokenIsUnknown(string secret)
    {
        var validated = await Tokens.ValidateAsync(secret, Ct);

        validated.Failure!.Message.ShouldBe("invalid token");
    }

    [Fact]
    public async Task Validate_FailsWithReason_WhenRevokedExpiredOrLockedOut()
    {
        var revoked = await CreateAsync(Ana, "revoked");
        await Tokens.RevokeAsync(Ana, revoked.Token.Id, Ct);
        var expiring = await CreateAsync(Ana, "expiring", Time.GetUtcNow().AddMinutes(5));
        var bens = await CreateAsync(Ben, "ben");
        await Factory.WithUserManagerAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByIdAsync(Ben.UserId))!, Time.GetUtcNow().AddYears(1)));
        Time.Advance(TimeSpan.FromMinutes(5));

        var results = new[]
        {
            await Tokens.ValidateAsync(revoked.Secret, Ct),
            await Tokens.ValidateAsync(expiring.Secret, Ct),
            await Tokens.ValidateAsync(bens.Secret, Ct),
        };

        results.Select(r => r.Failure?.Message).ShouldBe(["token revoked", "token expired", "account locked"]);
    }

    [Fact]
    public async Task Validate_RecordsLastUseAtMostOncePerMinute()
    {
        var token = await CreateAsync(Ana, "ci");
        var first = Time.GetUtcNow();

        await Tokens.ValidateAsync(token.Secret, Ct);
        Time.Advance(TimeSpan.FromSeconds(59));
        await Tokens.ValidateAsync(token.Secret, Ct);
        var afterSecond = (await StoredTokensAsync()).Single().LastUsedAt;
        Time.Advance(TimeSpan.FromSeconds(1));
        await Tokens.ValidateAsync(token.Secret, Ct);
        var afterThird = (await StoredTokensAsync()).Single().LastUsedAt;

        afterSecond.ShouldBe(first);
        afterThird.ShouldBe(first.AddMinutes(1));
    }
}
