using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Audit;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Audit;

namespace RealtimeApp.Tests.Components.Account;

/// <summary>The login page over real HTTP: the per-address limit on failed sign-ins and the audit entries of sign-ins.</summary>
public sealed class SignInAbuseTests : IAsyncLifetime
{
    private const string Email = "ana@example.com";
    private const string Password = "Ana#Pass1";
    private const string Attacker = "203.0.113.7";
    private const string Office = "198.51.100.20";

    // A long window keeps the budget from refilling however slowly the test machine runs.
    private readonly RealtimeAppFactory _factory = new(
        new Dictionary<string, string?> { ["SignIn:FailuresPerAddress"] = "20", ["SignIn:FailureWindowMinutes"] = "60" },
        TestClientAddress.AddToTestServer);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _factory.CreateUserAsync(Email, Password, Roles.Staff);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Login_Refuses21stFailureWith429AndRetryAfter_WhileAnotherAddressStillSignsIn()
    {
        var attacker = TestClientAddress.ClientFrom(_factory, Attacker);
        for (var i = 0; i < 20; i++)
        {
            // Many accounts, none of them locked: only the per-address limit can stop this.
            (await attacker.LogInAsync($"victim{i}@example.com", "Guess#Pass1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await attacker.LogInAsync(Email, Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // The first failure leaves the 60-minute window first; the page rounds up to whole minutes.
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        retryAfter.ShouldBeInRange(TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(60));
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain(
            $"Too many failed sign-ins from your address. Try again in {Math.Ceiling(retryAfter.TotalMinutes)} minutes.");
        await TestClientAddress.ClientFrom(_factory, Office).LogInSuccessfullyAsync(Email, Password);
    }

    [Fact]
    public async Task Login_TakesNothingFromTheBudget_WhenTheSignInSucceeds()
    {
        var office = TestClientAddress.ClientFrom(_factory, Office);
        for (var i = 0; i < 19; i++)
        {
            await office.LogInAsync($"typo{i}@example.com", "Guess#Pass1");
        }

        for (var i = 0; i < 3; i++)
        {
            await TestClientAddress.ClientFrom(_factory, Office).LogInSuccessfullyAsync(Email, Password);
        }

        (await office.LogInAsync("typo19@example.com", "Guess#Pass1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.LogInAsync("typo20@example.com", "Guess#Pass1")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Login_CountsTheConnectionsAddress_WhenTheClientSendsXForwardedFor()
    {
        var attacker = TestClientAddress.ClientFrom(_factory, Attacker);
        for (var i = 0; i < 20; i++)
        {
            attacker.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            attacker.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"192.0.2.{i + 1}");
            await attacker.LogInAsync($"victim{i}@example.com", "Guess#Pass1");
        }

        attacker.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        attacker.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.200");
        var refused = await attacker.LogInAsync("victim20@example.com", "Guess#Pass1");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await AuditAsync(new AuditQuery(Address: Attacker, PageSize: 50))).Count.ShouldBe(21);
        (await AuditAsync(new AuditQuery(Address: "192.0.2.200"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Login_CountsTheForwardedAddress_WhenTheOperatorEnabledForwardedHeaders()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, as operations.md tells an operator behind a proxy to set.
        await using var factory = new RealtimeAppFactory(new Dictionary<string, string?>
        {
            ["ForwardedHeaders_Enabled"] = "true",
            ["SignIn:FailuresPerAddress"] = "2",
            ["SignIn:FailureWindowMinutes"] = "60",
        });
        await factory.CreateUserAsync(Email, Password, Roles.Staff);
        var attacker = BrowserlessClient.For(factory);
        attacker.Http.DefaultRequestHeaders.Add("X-Forwarded-For", Attacker);
        await attacker.LogInAsync("victim1@example.com", "Guess#Pass1");
        await attacker.LogInAsync("victim2@example.com", "Guess#Pass1");
        var colleague = BrowserlessClient.For(factory);
        colleague.Http.DefaultRequestHeaders.Add("X-Forwarded-For", Office);

        var refused = await attacker.LogInAsync(Email, Password);
        await colleague.LogInSuccessfullyAsync(Email, Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var log = factory.Services.GetRequiredService<IAuditLog>();
        (await log.QueryAsync(new AuditQuery(Action: AuditActions.SignInSucceeded, Address: Office), Ct)).Total.ShouldBe(1);
    }

    [Fact]
    public async Task Login_AuditsSuccessAndFailuresWithTheAddressAndReason_ButNeverThePassword()
    {
        var client = TestClientAddress.ClientFrom(_factory, Office);

        await client.LogInAsync("nobody@example.com", "Secret#Guess1");
        await client.LogInAsync(Email, "Secret#Guess2");
        await client.LogInSuccessfullyAsync(Email, Password);

        var entries = await AuditAsync(new AuditQuery(Address: Office));
        entries.Select(e => (e.Action, e.Target, e.ActorEmail)).ShouldBe(
        [
            (AuditActions.SignInSucceeded, $"user:{Email}", Email),
            (AuditActions.SignInFailed, $"user:{Email}", Email),
            (AuditActions.SignInFailed, "user:nobody@example.com", "nobody@example.com"),
        ]);
        entries[0].After.ShouldBe($$"""{"address":"{{Office}}"}""");
        entries[1].After.ShouldBe($$"""{"address":"{{Office}}","reason":"wrong_password"}""");
        entries[2].After.ShouldBe($$"""{"address":"{{Office}}","reason":"unknown_account"}""");
        entries[2].ActorUserId.ShouldBeEmpty();
        entries.ShouldAllBe(e => !(e.After + e.Before + e.Target).Contains("Secret#"));
    }

    [Fact]
    public async Task Login_AuditsTheLockoutOnce_ThenFailuresAsLockedOut()
    {
        var client = TestClientAddress.ClientFrom(_factory, Attacker);
        for (var i = 0; i < 5; i++)
        {
            await client.LogInAsync(Email, "Wrong#Pass1");
        }

        var locked = await client.LogInAsync(Email, Password);
        var unknown = await client.LogInAsync("nobody@example.com", "Wrong#Pass1");

        locked.Headers.Location!.ToString().ShouldContain("Account/Lockout");
        // The page says the same for an account that does not exist as for a wrong password; only the audit tells them apart.
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("Error: Invalid login attempt.");
        (await AuditAsync(new AuditQuery(Action: AuditActions.SignInLockedOut))).ShouldHaveSingleItem().After
            .ShouldStartWith($$"""{"address":"{{Attacker}}","lockedOutUntil":""");
        var failures = await AuditAsync(new AuditQuery(Action: AuditActions.SignInFailed, Actor: Email));
        failures.Select(e => e.After).ShouldBe(
        [
            $$"""{"address":"{{Attacker}}","reason":"locked_out"}""",
            .. Enumerable.Repeat($$"""{"address":"{{Attacker}}","reason":"wrong_password"}""", 5),
        ]);
    }

    [Fact]
    public async Task Login_AuditsTheFirstRefusal_AsRateLimited()
    {
        await using var factory = new RealtimeAppFactory(
            new Dictionary<string, string?> { ["SignIn:FailuresPerAddress"] = "1", ["SignIn:FailureWindowMinutes"] = "60" },
            TestClientAddress.AddToTestServer);
        var client = TestClientAddress.ClientFrom(factory, Attacker);
        await client.LogInAsync("victim@example.com", "Guess#Pass1");

        (await client.LogInAsync("other@example.com", "Guess#Pass2")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await client.LogInAsync("third@example.com", "Guess#Pass3")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // One entry per blocked spell, not one per refused attempt.
        var log = factory.Services.GetRequiredService<IAuditLog>();
        var refusal = (await log.QueryAsync(new AuditQuery(Action: AuditActions.SignInFailed, Address: Attacker), Ct)).Entries[0];
        refusal.ActorEmail.ShouldBe("other@example.com");
        refusal.After.ShouldBe($$"""{"address":"{{Attacker}}","reason":"rate_limited"}""");
        (await log.QueryAsync(new AuditQuery(Address: Attacker), Ct)).Total.ShouldBe(2);
    }

    [Fact]
    public async Task Login_AuditsTheSecondStep_WhenTheAccountUsesTwoFactor()
    {
        var codes = await _factory.WithUserManagerAsync(async users =>
        {
            var user = (await users.FindByEmailAsync(Email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 2))!.ToList();
        });
        var client = TestClientAddress.ClientFrom(_factory, Office);

        var password = await client.LogInAsync(Email, Password);
        var wrongCode = await client.SubmitFormAsync("/Account/LoginWith2fa", "login-with-2fa", new() { ["Input.TwoFactorCode"] = "abcdef" });
        var recovery = await client.SubmitFormAsync("/Account/LoginWithRecoveryCode", "login-with-recovery-code", new() { ["Input.RecoveryCode"] = codes[0] });

        password.Headers.Location!.ToString().ShouldContain("Account/LoginWith2fa");
        wrongCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        recovery.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The password step alone is not a sign-in: only the second step is recorded.
        (await AuditAsync(new AuditQuery(Address: Office))).Select(e => (e.Action, e.After)).ShouldBe(
        [
            (AuditActions.SignInSucceeded, $$"""{"address":"{{Office}}","secondFactor":"recovery_code"}"""),
            (AuditActions.SignInFailed, $$"""{"address":"{{Office}}","reason":"wrong_second_factor","secondFactor":"authenticator"}"""),
        ]);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(AuditQuery query) =>
        (await _factory.Services.GetRequiredService<IAuditLog>().QueryAsync(query, Ct)).Entries;
}
