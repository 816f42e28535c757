using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Realtime.Backplane;

/// <summary>
/// A node on PostgreSQL with the in-memory bus says at start that it must stay alone: a second node on the same
/// database would store the same rooms but never see this node's live events.
/// </summary>
internal sealed partial class SingleNodeWarning(DatabaseSettings database, ILogger<SingleNodeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            LogSingleNode(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database:Provider is Postgres but Realtime:Backplane is InMemory: run this node alone. "
        + "Nodes sharing the database need Realtime:Backplane=Redis, or each one's users miss the others' live events.")]
    private static partial void LogSingleNode(ILogger logger);
}
