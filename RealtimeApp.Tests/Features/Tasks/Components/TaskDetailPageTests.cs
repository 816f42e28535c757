using Bunit;
using MudBlazor;
using RealtimeApp.Tests.Features.Tasks.Support;
using RealtimeApp.Web.Features.Tasks;
using RealtimeApp.Web.Features.Tasks.Store;
using static RealtimeApp.Tests.Features.Tasks.Support.TaskSamples;

namespace RealtimeApp.Tests.Features.Tasks.Components;

public sealed class TaskDetailPageTests : TasksTestContext
{
    [Fact]
    public async Task Timeline_GrowsLive_AndTheHeaderFollows()
    {
        await GivenAsync();
        var cut = RenderPage("a");
        Live(new TaskDetailLoaded(Task("a", "Build web", progress: 10), [Entry("a", 1, 0, "queued", "Created"), Entry("a", 2, 10)]));
        cut.WaitForAssertion(() => TimelineRows(cut).Count.ShouldBe(2));

        Live(Progress("a", 3, 60, message: "<i>compiling</i>"));

        cut.WaitForAssertion(() => TimelineRows(cut).Count.ShouldBe(3));
        TimelineRows(cut)[2].TextContent.ShouldContain("60%");
        TimelineRows(cut)[2].TextContent.ShouldContain("<i>compiling</i>");
        cut.Find("[aria-label='Task progress']").GetAttribute("aria-valuenow").ShouldBe("60");
        cut.Find("h1").TextContent.ShouldBe("Build web");
    }

    [Fact]
    public async Task Cancel_AsksForConfirmation_AndDispatchesOnlyWhenConfirmed()
    {
        await GivenAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage("a");
        Live(new TaskDetailLoaded(Task("a", "Build web"), []));
        cut.WaitForAssertion(() => Button(cut, "Cancel task").ShouldNotBeNull());

        // Not awaited: the click's handler waits for the confirmation dialog.
        var keeping = Button(cut, "Cancel task").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.ShouldContain("Cancel this task?"));
        await DialogButton(dialogs, "Keep it").ClickAsync(new());
        await keeping.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);
        Dispatched.OfType<CancelTask>().ShouldBeEmpty();

        var cancelling = Button(cut, "Cancel task").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.ShouldContain("Agent runner-1 is told to stop."));
        await DialogButton(dialogs, "Cancel task").ClickAsync(new());
        await cancelling.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);

        cut.WaitForAssertion(() => Dispatched.OfType<CancelTask>().ShouldHaveSingleItem().TaskId.ShouldBe("a"));
    }

    [Fact]
    public async Task Failure_RendersDetailsAsLiteralText_AndOffersRetry()
    {
        const string details = "System.IO.IOException: disk full\n   at <script>alert(1)</script>\n<b>not bold</b>";
        await GivenAsync();
        var cut = RenderPage("a");

        Live(new TaskDetailLoaded(Task("a", status: "failed", error: "disk <full>", errorDetails: details), []));

        cut.WaitForAssertion(() => cut.Find("pre[aria-label='Failure details']").TextContent.ShouldBe(details));
        cut.Find("pre[aria-label='Failure details']").Children.ShouldBeEmpty();
        cut.Find("[aria-label=Failure]").TextContent.ShouldContain("disk <full>");
        cut.FindAll("script").ShouldBeEmpty();
        Button(cut, "Retry").ShouldNotBeNull();
        cut.FindAll("button").ShouldNotContain(b => b.TextContent.Contains("Cancel task", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotFound_ShowsAFriendlyState()
    {
        await GivenAsync();
        var cut = RenderPage("gone");

        Live(new TaskDetailFailed("gone", "There is no task 'gone'.", NotFound: true));

        cut.WaitForAssertion(() => cut.Find("h1").TextContent.ShouldBe("Task not found"));
        cut.Find("[role=status]").TextContent.ShouldContain("There is no task “gone”.");
    }

    private IRenderedComponent<TaskDetailPage> RenderPage(string taskId) => Render<TaskDetailPage>(parameters => parameters.Add(page => page.TaskId, taskId));

    private static IReadOnlyList<AngleSharp.Dom.IElement> TimelineRows(IRenderedComponent<TaskDetailPage> cut) =>
        cut.FindAll("[aria-label=Timeline] tbody tr");

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<TaskDetailPage> cut, string text) =>
        cut.FindAll("button").First(b => b.TextContent.Trim() == text);

    private static AngleSharp.Dom.IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.Find(".mud-dialog").QuerySelectorAll("button").First(b => b.TextContent.Trim() == text);
}
