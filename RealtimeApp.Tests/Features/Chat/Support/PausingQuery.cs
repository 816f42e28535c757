using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.Domain.Realtime;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Tests.Features.Chat.Support;

/// <summary>
/// Holds the next query of a table after its rows were read and before the caller gets them, so a test can change the
/// data (and publish the change) in between: the window in which a reader may cache what is already stale.
/// Register with <see cref="AddTo"/>; arm with <see cref="Arm"/>, then <see cref="WaitUntilPausedAsync"/> and <see cref="Release"/>.
/// </summary>
public sealed class PausingQuery : DbCommandInterceptor
{
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _table;

    /// <summary>Adds the interceptor to the context of either engine (whichever the host registered).</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteApplicationDbContext>((_, options) => options.AddInterceptors(this));
        services.ConfigureDbContext<PostgresApplicationDbContext>((_, options) => options.AddInterceptors(this));
    }

    /// <summary>Pauses the next query that reads <paramref name="table"/> (once).</summary>
    public void Arm(string table) => Volatile.Write(ref _table, table);

    public Task WaitUntilPausedAsync() => _paused.Task.WithTimeout();

    public void Release() => _released.TrySetResult();

    public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(command);

        var table = Volatile.Read(ref _table);
        if (table is not null && command.CommandText.Contains($"FROM \"{table}\"", StringComparison.Ordinal)
            && Interlocked.CompareExchange(ref _table, null, table) == table)
        {
            _paused.TrySetResult();
            await _released.Task.WithTimeout();
        }

        return result;
    }
}
