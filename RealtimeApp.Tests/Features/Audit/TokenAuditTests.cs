using RealtimeApp.Tests.Features.ApiTokens;
using RealtimeApp.Web.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace RealtimeApp.Tests.Features.Audit;

public sealed class TokenAuditTests : ApiTokenTestBase
{
    [Fact]
    public async Task RevokeAsync_IsAuditedOnce_WhenTheTokenWasActive()
    {
        var token = await CreateAsync(Ana, "ci");

        await Tokens.RevokeAsync(Admin, token.Token.Id, Ct);
        await Tokens.RevokeAsync(Admin, token.Token.Id, Ct);

        var entry = (await Factory.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(Action: AuditActions.TokenRevoked), Ct))
            .Entries.ShouldHaveSingleItem();
        entry.ActorUserId.ShouldBe(Admin.UserId);
        entry.Target.ShouldBe($"token:{token.Token.Prefix} (ana@example.com)");
        entry.After.ShouldNotBeNull().ShouldContain("\"status\":\"revoked\"");
    }
}
