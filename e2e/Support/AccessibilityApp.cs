using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Web.Features.Agents;
using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// The app the accessibility audit walks: one of its own (the audit adds an agent and a task, which the shared app's
/// tests do not expect), reached as <c>localhost</c> (the passkeys page starts Web Authentication, which refuses an IP
/// address), with an agent at work on a task so that the pages show live data rather than their empty states.
/// </summary>
public sealed class AccessibilityApp : IAsyncLifetime
{
    public const string AgentId = "a11y-agent";

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

    /// <summary><paramref name="path"/> with <c>{task}</c> and <c>{agent}</c> filled in.</summary>
    public string Resolve(string path) => path.Replace("{task}", TaskId, StringComparison.Ordinal).Replace("{agent}", AgentId, StringComparison.Ordinal);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
