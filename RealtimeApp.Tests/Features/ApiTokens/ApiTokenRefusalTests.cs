using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Features.ApiTokens;

namespace RealtimeApp.Tests.Features.ApiTokens;

public sealed class ApiTokenRefusalTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RefusalOf_IsNull_WhenTokenIsActiveAndUserNotLockedOut()
    {
        var token = Token(expiresAt: _time.GetUtcNow().AddHours(1));

        var refusal = ApiTokenService.RefusalOf(token, lockoutEnd: null, _time.GetUtcNow());

        refusal.ShouldBeNull();
    }

    [Fact]
    public void RefusalOf_IsExpired_OnceExpiryHasPassed()
    {
        var token = Token(expiresAt: _time.GetUtcNow().AddHours(1));
        _time.Advance(TimeSpan.FromHours(1));

        var refusal = ApiTokenService.RefusalOf(token, lockoutEnd: null, _time.GetUtcNow());

        refusal.ShouldBe("token expired");
    }

    [Fact]
    public void RefusalOf_IsRevoked_WhenRevokedEvenIfAlsoExpired()
    {
        var token = Token(expiresAt: _time.GetUtcNow().AddHours(-1));
        token.RevokedAt = _time.GetUtcNow().AddHours(-2);

        var refusal = ApiTokenService.RefusalOf(token, lockoutEnd: null, _time.GetUtcNow());

        refusal.ShouldBe("token revoked");
    }

    [Fact]
    public void RefusalOf_IsLocked_OnlyWhileLockoutLasts()
    {
        var token = Token(expiresAt: null);
        var lockoutEnd = _time.GetUtcNow().AddMinutes(15);

        var during = ApiTokenService.RefusalOf(token, lockoutEnd, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(15));
        var after = ApiTokenService.RefusalOf(token, lockoutEnd, _time.GetUtcNow());

        during.ShouldBe("account locked");
        after.ShouldBeNull();
    }

    private ApiToken Token(DateTimeOffset? expiresAt) => new()
    {
        Id = 1,
        UserId = "u1",
        Name = "ci",
        Prefix = "rt_abcde",
        Hash = new byte[32],
        CreatedAt = _time.GetUtcNow(),
        ExpiresAt = expiresAt,
    };
}
