using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.Tests.Features.Tasks;

/// <remarks>Runs on each engine: <see cref="TaskServiceSortOnSqliteTests"/> and <see cref="TaskServiceSortOnPostgresTests"/>.</remarks>
public abstract class TaskServiceSortTests(DatabaseProvider engine) : IAsyncLifetime
{
    private ChatHost _host = null!;

    private TaskService Tasks => _host.Get<TaskService>();

    public async ValueTask InitializeAsync()
    {
        _host = await ChatHost.StartAsync(engine);
        var actor = await _host.CreateUserAsync("agent-owner");
        foreach (var (id, title, agent, progress) in new[] { ("t-1", "Gamma", "b", 10), ("t-2", "alpha", "a", 90), ("t-3", "Beta", null, 50) })
        {
            await Tasks.CreateAsync(actor, title, agent, id, TestContext.Current.CancellationToken);
            await Tasks.ReportAsync(actor, new TaskReport(id, progress), TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(TaskSort.Title, false, new[] { "t-2", "t-3", "t-1" })]
    [InlineData(TaskSort.Progress, true, new[] { "t-2", "t-3", "t-1" })]
    [InlineData(TaskSort.Progress, false, new[] { "t-1", "t-3", "t-2" })]
    [InlineData(TaskSort.Agent, false, new[] { "t-3", "t-2", "t-1" })]
    [InlineData(TaskSort.CreatedAt, true, new[] { "t-3", "t-2", "t-1" })]
    public async Task List_OrdersBySort_WithIdAsTieBreaker(TaskSort sort, bool descending, string[] expected)
    {
        var page = await Tasks.ListAsync(new TaskQuery(Sort: sort, Descending: descending), TestContext.Current.CancellationToken);

        page.Value!.Items.Select(task => task.Id).ShouldBe(expected);
    }

    [Fact]
    public async Task List_PagesWithoutOverlap_WhenSorted()
    {
        var first = await Tasks.ListAsync(new TaskQuery(Take: 2, Sort: TaskSort.Title, Descending: false), TestContext.Current.CancellationToken);
        var second = await Tasks.ListAsync(new TaskQuery(Skip: 2, Take: 2, Sort: TaskSort.Title, Descending: false), TestContext.Current.CancellationToken);

        first.Value!.Items.Concat(second.Value!.Items).Select(task => task.Id).ShouldBe(["t-2", "t-3", "t-1"]);
        second.Value.Total.ShouldBe(3);
    }
}

public sealed class TaskServiceSortOnSqliteTests() : TaskServiceSortTests(DatabaseProvider.Sqlite);

public sealed class TaskServiceSortOnPostgresTests() : TaskServiceSortTests(DatabaseProvider.Postgres);
