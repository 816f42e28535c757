using System.Net;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Integration;

public sealed class AuthorizationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RealtimeAppFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/chat")]
    [InlineData("/tasks")]
    [InlineData("/agents")]
    [InlineData("/admin")]
    public async Task AppPage_RedirectsToLogin_WhenAnonymous(string path)
    {
        var client = BrowserlessClient.For(_factory);

        var response = await client.Http.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain($"/Account/Login?ReturnUrl={Uri.EscapeDataString(path)}");
    }

    [Fact]
    public async Task AdminPage_Returns403_WhenUserIsStaff()
    {
        await _factory.CreateUserAsync("staff@example.com", "Staff#Pass1", Roles.Staff);
        var client = BrowserlessClient.For(_factory);
        await client.LogInSuccessfullyAsync("staff@example.com", "Staff#Pass1");

        var response = await client.Http.GetAsync("/admin", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("You don&#x27;t have access to this page");
    }

    [Fact]
    public async Task AdminPage_Renders_WhenUserIsAdmin()
    {
        var client = BrowserlessClient.For(_factory);
        await client.LogInSuccessfullyAsync(RealtimeAppFactory.AdminEmail, RealtimeAppFactory.AdminPassword);

        var response = await client.Http.GetAsync("/admin", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Admin");
    }

    [Fact]
    public async Task StaffPages_Render_WhenUserIsStaff()
    {
        await _factory.CreateUserAsync("staff@example.com", "Staff#Pass1", Roles.Staff);
        var client = BrowserlessClient.For(_factory);
        await client.LogInSuccessfullyAsync("staff@example.com", "Staff#Pass1");

        foreach (var path in new[] { "/", "/chat", "/tasks", "/agents" })
        {
            var response = await client.Http.GetAsync(path, Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task UnknownPage_Returns404WithFriendlyPage()
    {
        var client = BrowserlessClient.For(_factory);

        var response = await client.Http.GetAsync("/no/such/page", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Page not found");
    }
}
