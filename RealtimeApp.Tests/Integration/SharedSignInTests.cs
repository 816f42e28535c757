using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Tests.Integration;

/// <summary>
/// Sign-in works on any node: the keys that protect the cookie are kept in the shared database, so a cookie issued by
/// node A is accepted by node B (two app instances on one database).
/// </summary>
public sealed class SharedSignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CookieIssuedByNodeA_IsAcceptedByNodeB_AndTheKeysAreInTheDatabase()
    {
        var database = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync(),
        };
        await using var a = new RealtimeAppFactory(database);
        await using var b = new RealtimeAppFactory(database);
        var signIn = await BrowserlessClient.For(a).LogInAsync(RealtimeAppFactory.AdminEmail, RealtimeAppFactory.AdminPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)).Split(';')[0];
        var nodeB = b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var withCookie = await GetAsync(nodeB, "/tasks", cookie);
        var withoutCookie = await GetAsync(nodeB, "/tasks", cookie: null);

        withCookie.StatusCode.ShouldBe(HttpStatusCode.OK);
        withoutCookie.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = await OpenDatabaseAsync(a);
        (await db.DataProtectionKeys.CountAsync(Ct)).ShouldBeGreaterThan(0);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request, Ct);
    }

    private static Task<ApplicationDbContext> OpenDatabaseAsync(RealtimeAppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(Ct);
}
