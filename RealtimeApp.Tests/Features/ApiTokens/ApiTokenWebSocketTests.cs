using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Realtime;

namespace RealtimeApp.Tests.Features.ApiTokens;

public sealed class ApiTokenWebSocketTests : IAsyncLifetime
{
    private const string WhoAmI = """{"id":1,"method":"query","params":{"path":"test.whoami"}}""";
    private const string AnaAnswer = """{"id":1,"result":{"type":"data","data":"ana@example.com"}}""";

    private readonly ApiTokenAppHost _host = new();
    private readonly List<TrpcTestClient> _clients = [];
    private Actor _ana = null!;

    public async ValueTask InitializeAsync() => _ana = await _host.CreateStaffAsync("ana@example.com");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ConnectionParamsToken_AuthenticatesAsTheTokensOwner()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        var client = Track(await _host.ConnectWithTokenAsync(token.Secret));

        await client.SendAsync(WhoAmI);

        (await client.ReceiveAsync()).ShouldBe(AnaAnswer);
    }

    [Fact]
    public async Task BearerToken_AuthenticatesAsTheTokensOwner()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        var client = Track(await _host.ConnectAsync(configure: r => r.Headers.Authorization = $"Bearer {token.Secret}"));

        await client.SendAsync(WhoAmI);

        (await client.ReceiveAsync()).ShouldBe(AnaAnswer);
    }

    [Theory]
    [InlineData("unknown", "invalid token")]
    [InlineData("revoked", "token revoked")]
    [InlineData("expired", "token expired")]
    public async Task BadToken_IsRefusedWithUnauthorizedAndClosed(string kind, string message)
    {
        var secret = await BadTokenAsync(kind);
        var client = Track(await _host.ConnectWithTokenAsync(secret));

        var (status, messages) = await client.ReceiveCloseAsync();

        messages.ShouldBe([Unauthorized(message)]);
        status.ShouldBe(ApiCloseCodes.Rejected);
    }

    [Fact]
    public async Task NoCredential_IsRefusedWithUnauthorizedAndClosed()
    {
        var client = Track(await _host.ConnectAsync());

        var (status, messages) = await client.ReceiveCloseAsync();

        messages.ShouldHaveSingleItem().ShouldContain("\"code\":\"UNAUTHORIZED\"");
        status.ShouldBe(ApiCloseCodes.Rejected);
    }

    [Fact]
    public async Task Revoke_ClosesThatTokensConnection_AndLeavesTheOwnersOtherTokenOpen()
    {
        var revoked = await _host.CreateTokenAsync(_ana, "revoked");
        var kept = await _host.CreateTokenAsync(_ana, "kept");
        var doomed = Track(await _host.ConnectWithTokenAsync(revoked.Secret));
        var survivor = Track(await _host.ConnectWithTokenAsync(kept.Secret));
        await doomed.SendAsync(WhoAmI);
        await survivor.SendAsync(WhoAmI);
        (await doomed.ReceiveAsync()).ShouldBe(AnaAnswer);
        (await survivor.ReceiveAsync()).ShouldBe(AnaAnswer);

        await _host.Tokens.RevokeAsync(_ana, revoked.Token.Id, TestContext.Current.CancellationToken);

        (await doomed.ReceiveCloseAsync()).Status.ShouldBe(ApiCloseCodes.ClosedByServer);
        doomed.Socket.CloseStatusDescription.ShouldBe("token revoked");
        await survivor.SendAsync(WhoAmI);
        (await survivor.ReceiveAsync()).ShouldBe(AnaAnswer);
    }

    [Fact]
    public async Task Sweeper_ClosesConnection_WhenItsTokenExpires()
    {
        var token = await _host.CreateTokenAsync(_ana, "short", _host.Time.GetUtcNow().AddMinutes(10));
        var client = Track(await _host.ConnectWithTokenAsync(token.Secret));
        await client.SendAsync(WhoAmI);
        (await client.ReceiveAsync()).ShouldBe(AnaAnswer);

        _host.Time.Advance(TimeSpan.FromMinutes(11));

        (await client.ReceiveCloseAsync()).Status.ShouldBe(ApiCloseCodes.ClosedByServer);
        client.Socket.CloseStatusDescription.ShouldBe("token expired");
    }

    [Fact]
    public async Task Sweeper_ClosesConnection_WhenTokenWasRevokedElsewhere()
    {
        var token = await _host.CreateTokenAsync(_ana, "ci");
        var client = Track(await _host.ConnectWithTokenAsync(token.Secret));
        await client.SendAsync(WhoAmI);
        (await client.ReceiveAsync()).ShouldBe(AnaAnswer);
        await RevokeInDatabaseAsync(token.Token.Id);

        _host.Time.Advance(TimeSpan.FromSeconds(2));

        (await client.ReceiveCloseAsync()).Status.ShouldBe(ApiCloseCodes.ClosedByServer);
        client.Socket.CloseStatusDescription.ShouldBe("token revoked");
    }

    [Fact]
    public async Task Cookie_AuthenticatesTheBrowser_WhenOriginIsTheAppsOwn()
    {
        var cookie = await _host.SignInAsync("ana@example.com");
        var client = Track(await _host.ConnectAsync(configure: r =>
        {
            r.Headers.Cookie = cookie;
            r.Headers.Origin = "http://localhost";
        }));

        await client.SendAsync(WhoAmI);

        (await client.ReceiveAsync()).ShouldBe(AnaAnswer);
    }

    [Fact]
    public async Task Cookie_IsRefused_WhenOriginIsNotAllowed()
    {
        var cookie = await _host.SignInAsync("ana@example.com");
        var client = Track(await _host.ConnectAsync(configure: r =>
        {
            r.Headers.Cookie = cookie;
            r.Headers.Origin = "https://evil.example";
        }));

        var (status, messages) = await client.ReceiveCloseAsync();

        messages.ShouldBe([Unauthorized("origin not allowed")]);
        status.ShouldBe(ApiCloseCodes.Rejected);
    }

    private async Task<string> BadTokenAsync(string kind)
    {
        switch (kind)
        {
            case "revoked":
                var revoked = await _host.CreateTokenAsync(_ana, "revoked");
                await _host.Tokens.RevokeAsync(_ana, revoked.Token.Id, TestContext.Current.CancellationToken);
                return revoked.Secret;
            case "expired":
                var expired = await _host.CreateTokenAsync(_ana, "expired", _host.Time.GetUtcNow().AddMinutes(1));
                _host.Time.Advance(TimeSpan.FromMinutes(2));
                return expired.Secret;
            default:
                return "rt_" + new string('A', 43);
        }
    }

    private async Task RevokeInDatabaseAsync(int tokenId)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var now = _host.Time.GetUtcNow();
        await db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), TestContext.Current.CancellationToken);
    }

    private static string Unauthorized(string message) =>
        "{\"id\":null,\"error\":{\"message\":\"" + message + "\",\"code\":-32001,\"data\":{\"code\":\"UNAUTHORIZED\",\"httpStatus\":401}}}";

    private TrpcTestClient Track(TrpcTestClient client)
    {
        _clients.Add(client);
        return client;
    }
}
