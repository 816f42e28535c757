using Microsoft.EntityFrameworkCore;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Tests.Data;

/// <summary>Each engine's migration set builds exactly the model the app uses.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task Migrations_LeaveNoModelChangeUnmigrated(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        await using var db = await host.OpenDbAsync();

        db.Database.HasPendingModelChanges().ShouldBeFalse("add a migration for this engine: see docs/architecture.md, Data");
        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }
}
