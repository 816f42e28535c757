using System.Text.RegularExpressions;
using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

public sealed partial class RateLimitTests(BrowserHost host)
{
    [Fact]
    public async Task ThirdMessage_IsRefusedWithRetryTime_WhenAdminLoweredStaffLimitToTwoPerMinute()
    {
        var (adminPage, _) = await host.NewAdminAsync("ada");
        var (staffPage, staffEmail) = await host.NewStaffAsync("sue");
        var chat = new ChatPage(staffPage);
        await chat.OpenAsync();
        var limits = new RateLimitsPage(adminPage);
        await limits.OpenAsync();

        await limits.FindUserAsync(staffEmail);
        await limits.SetOverrideAsync(staffEmail, "Messages per minute", "2");
        await Expect(limits.Notice($"Override for {staffEmail} saved.")).ToBeVisibleAsync();
        await Expect(limits.Overrides).ToContainTextAsync(staffEmail);
        var run = Guid.NewGuid().ToString("N")[..8];
        await chat.SendAsync($"first {run}");
        await Expect(chat.Message($"first {run}")).ToBeVisibleAsync();
        await chat.SendAsync($"second {run}");
        await Expect(chat.Message($"second {run}")).ToBeVisibleAsync();
        await chat.SendAsync($"third {run}");

        await Expect(chat.Snackbar(RefusalText())).ToBeVisibleAsync();
        await Expect(chat.Messages.GetByText(RefusalText())).ToBeVisibleAsync();
        await staffPage.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "screenshots", "rate-limited.png") });
        await adminPage.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "screenshots", "rate-limits.png"), FullPage = true });
    }

    [Fact]
    public async Task Field_ShowsMessageAndNothingIsSaved_WhenAdminEntersZero()
    {
        var (adminPage, _) = await host.NewAdminAsync("abe");
        var (_, staffEmail) = await host.NewStaffAsync("sid");
        var limits = new RateLimitsPage(adminPage);
        await limits.OpenAsync();
        await limits.FindUserAsync(staffEmail);

        await limits.SetOverrideAsync(staffEmail, "Burst", "0");

        await Expect(limits.Override(staffEmail)).ToContainTextAsync("Burst must be a whole number from 1 to 10,000,000.");
        await Expect(limits.Overrides).Not.ToContainTextAsync(staffEmail);
    }

    [Fact]
    public async Task RoleDefault_UpdatesLiveOnAnotherAdminsPage_WhenOneAdminSavesIt()
    {
        var (pageA, _) = await host.NewAdminAsync("amy");
        var (pageB, _) = await host.NewAdminAsync("bob");
        var limitsA = new RateLimitsPage(pageA);
        var limitsB = new RateLimitsPage(pageB);
        await limitsA.OpenAsync();
        await limitsB.OpenAsync();
        var value = (1000 + Random.Shared.Next(1000)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await limitsA.SetDefaultAsync("Admin", "Messages per minute", value);

        await Expect(limitsA.Notice("Admin default saved.")).ToBeVisibleAsync();
        await Expect(limitsB.RoleDefault("Admin").GetByLabel("Messages per minute")).ToHaveValueAsync(value);
    }

    [GeneratedRegex(@"You are sending messages too quickly \(2 per minute\)\. Try again in \d+ s\.")]
    private static partial Regex RefusalText();
}
