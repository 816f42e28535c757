using Microsoft.Playwright;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// One app on Kestrel and one headless Debian Chromium for the whole test assembly; each test opens its own
/// browser contexts (separate cookies), so tests stay independent.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>
    /// How long an action or an expectation waits for its condition. Generous: CI runs this assembly beside the unit
    /// tests on two cores, with published app nodes and a browser, and a page load has taken over 15 s there.
    /// </summary>
    private const float UiTimeoutMilliseconds = 30_000;

    private IPlaywright? _playwright;

    public KestrelAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath}. Run ./test.sh, which installs Debian's chromium, or set CHROMIUM_PATH.");
        }

        Assertions.SetDefaultExpectTimeout(UiTimeoutMilliseconds);
        App.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public Task<IPage> NewPageAsync() => NewPageAsync(App.BaseAddress);

    /// <summary>A page in a browser context of its own (its own cookies) on the app at <paramref name="baseAddress"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);

        var context = await NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        return await context.NewPageAsync();
    }

    /// <summary>A browser context of its own (its own cookies) whose actions wait as long as the suite's expectations.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(UiTimeoutMilliseconds);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
