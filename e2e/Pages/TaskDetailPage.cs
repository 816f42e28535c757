using Microsoft.Playwright;

namespace RealtimeApp.E2E.Pages;

/// <summary>One task: header with status and progress, Cancel/Retry, the failure block and the live timeline.</summary>
public sealed class TaskDetailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator ProgressBar => page.GetByRole(AriaRole.Progressbar, new() { Name = "Task progress" });

    public ILocator Status => page.Locator(".mud-paper .mud-chip").First;

    public ILocator TimelineRows => page.GetByLabel("Timeline").Locator("tbody tr");

    public ILocator CancelButton => page.GetByRole(AriaRole.Button, new() { Name = "Cancel task" });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator Snackbar(string text) => page.Locator(".mud-snackbar").Filter(new() { HasText = text });

    public async Task OpenAsync(string taskId, string title)
    {
        await page.GotoAsync($"tasks/{Uri.EscapeDataString(taskId)}");
        await new AppShell(page).WaitUntilInteractiveAsync();
        await Microsoft.Playwright.Assertions.Expect(Heading).ToHaveTextAsync(title);
    }

    /// <summary>Clicks Cancel task and confirms in the dialog.</summary>
    public async Task CancelAsync()
    {
        await CancelButton.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(Dialog).ToContainTextAsync("Cancel this task?");
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel task" }).ClickAsync();
    }
}
