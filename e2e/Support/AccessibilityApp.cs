using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Preferences;
using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// The app the accessibility audit walks: one of its own (the audit adds an agent and a task, which the shared app's
/// tests do not expect), reached as <c>localhost</c> (the passkeys page starts Web Authentication, which refuses an IP
/// address), with an agent at work on a task so that the pages show live data rather than their empty states.
/// Each user the audit needs signs in once; each test opens its page with that user's cookies.
/// </summary>
public sealed class AccessibilityApp : IAsyncLifetime
{
    public const string AgentId = "a11y-agent";

    private const string Password = "Staff#Pass1";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _signedIn = new();

    public KestrelAppFactory App { get; } = new();

    public Uri BaseAddress => new UriBuilder(App.BaseAddress) { Host = "localhost" }.Uri;

    public string TaskId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        App.Start();
        TaskId = await App.AsAdminAsync(async (services, admin) =>
        {
            var task = (await services.GetRequiredService<TaskService>().CreateAsync(admin, "Audited for accessibility", AgentId)).Value!;
            await services.GetRequiredService<AgentService>().ReportAsync(admin, new AgentReport(AgentId, Status: "active", CurrentTaskId: task.Id, Progress: 40));
            return task.Id;
        });
    }

    /// <summary>
    /// The browser storage (cookies) of the user called <paramref name="name"/>, in <paramref name="role"/>, who prefers
    /// the dark theme or not: made and signed in the first time it is asked for.
    /// </summary>
    public Task<string> SignedInStateAsync(BrowserHost host, string name, string role, bool dark) =>
        _signedIn.GetOrAdd(name, _ => new Lazy<Task<string>>(() => SignInAsync(host, name, role, dark))).Value;

    /// <summary><paramref name="path"/> with <c>{task}</c> and <c>{agent}</c> filled in.</summary>
    public string Resolve(string path) => path.Replace("{task}", TaskId, StringComparison.Ordinal).Replace("{agent}", AgentId, StringComparison.Ordinal);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private async Task<string> SignInAsync(BrowserHost host, string name, string role, bool dark)
    {
        var email = $"a11y-{name}@example.com";
        await App.CreateUserAsync(email, Password, role);
        if (dark)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
            await scope.ServiceProvider.GetRequiredService<UserPreferencesService>().SetDarkModeAsync(user!.Id, prefersDarkMode: true);
        }

        var page = await host.SignInAsync(BaseAddress, email, Password);
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }
}
