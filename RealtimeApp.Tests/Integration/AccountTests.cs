using System.Net;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Integration;

public sealed class AccountTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Email = "ana@example.com";
    private const string Password = "Ana#Pass1";

    private readonly RealtimeAppFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Register_CreatesStaffUserAndSignsIn()
    {
        var client = BrowserlessClient.For(_factory);

        var response = await client.SubmitFormAsync("/Account/Register", "register", new()
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.Http.GetAsync("/chat", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var roles = await _factory.WithUserManagerAsync(async users => await users.GetRolesAsync((await users.FindByEmailAsync(Email))!));
        roles.ShouldBe([Roles.Staff]);
    }

    [Fact]
    public async Task Register_ShowsError_WhenPasswordIsWeak()
    {
        var client = BrowserlessClient.For(_factory);

        var response = await client.SubmitFormAsync("/Account/Register", "register", new()
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = "weakpass",
            ["Input.ConfirmPassword"] = "weakpass",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Passwords must have at least one digit");
        (await _factory.WithUserManagerAsync(users => users.FindByEmailAsync(Email))).ShouldBeNull();
    }

    [Fact]
    public async Task Login_LocksAccount_AfterFiveFailedAttempts()
    {
        await _factory.CreateUserAsync(Email, Password, Roles.Staff);
        var client = BrowserlessClient.For(_factory);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.LogInAsync(Email, "Wrong#Pass1");
        }

        var response = await client.LogInAsync(Email, Password);

        response.Headers.Location!.ToString().ShouldContain("Account/Lockout");
        (await client.Http.GetAsync("/chat", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Login_ShowsError_WhenPasswordIsWrong()
    {
        await _factory.CreateUserAsync(Email, Password, Roles.Staff);
        var client = BrowserlessClient.For(_factory);

        var response = await client.LogInAsync(Email, "Wrong#Pass1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Invalid login attempt");
    }

    [Fact]
    public async Task ChangePassword_LetsUserLogInWithTheNewPassword()
    {
        await _factory.CreateUserAsync(Email, Password, Roles.Staff);
        var client = BrowserlessClient.For(_factory);
        await client.LogInSuccessfullyAsync(Email, Password);

        var response = await client.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = "Changed#Pass2",
            ["Input.ConfirmPassword"] = "Changed#Pass2",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var fresh = BrowserlessClient.For(_factory);
        (await fresh.LogInAsync(Email, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await fresh.LogInSuccessfullyAsync(Email, "Changed#Pass2");
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        await _factory.CreateUserAsync(Email, Password, Roles.Staff);
        var client = BrowserlessClient.For(_factory);
        await client.LogInSuccessfullyAsync(Email, Password);

        var response = await client.LogOutAsync();

        response.Headers.Location!.ToString().ShouldContain("Account/Login");
        (await client.Http.GetAsync("/chat", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task RegisterPage_SaysRegistrationIsOff_WhenDisabled()
    {
        await using var factory = new RealtimeAppFactory(new Dictionary<string, string?> { ["Identity:AllowRegistration"] = "false" });
        var client = BrowserlessClient.For(factory);

        var page = await client.Http.GetStringAsync("/Account/Register", Ct);
        var login = await client.Http.GetStringAsync("/Account/Login", Ct);

        page.ShouldContain("Registration is turned off");
        page.ShouldNotContain("Input.ConfirmPassword");
        login.ShouldNotContain("Register as a new user");
    }
}
