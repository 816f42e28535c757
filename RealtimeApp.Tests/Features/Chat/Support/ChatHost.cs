using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.RateLimits.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.Support;

/// <summary>
/// The chat and room-administration services as the app registers them (real EventHub, real group-commit writer) on a migrated database of
/// their own (a SQLite file, or a PostgreSQL database on the run's own server), without the web host (the Identity stores are registered too: they shape the model the migrations match).
/// Users and rooms are inserted directly, so no password hashing slows the tests.
/// </summary>
public sealed class ChatHost : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "realtimeapp-chat-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly MessageWriter _writer;

    private readonly string? _postgres;

    private ChatHost(string? postgres, Action<IServiceCollection>? configureServices)
    {
        Directory.CreateDirectory(_directory);
        _postgres = postgres;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(postgres is null
                ? new Dictionary<string, string?> { [DatabaseSettings.ConnectionStringKey] = $"Data Source={DatabasePath}" }
                : new Dictionary<string, string?>
                {
                    [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.Postgres),
                    [DatabaseSettings.ConnectionStringKey] = postgres,
                })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddRealtimeAppData(configuration, _directory);
        services.AddRealtimeAppUsers();
        services.AddRealtimeCore();
        services.AddChatFeature();
        services.AddRoomsFeature();
        services.AddTasksFeature();
        services.AddAgentsFeature();
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _writer = _services.GetRequiredService<MessageWriter>();
    }

    /// <param name="engine">The database engine: the same tests run on each (<see cref="BothEngines"/>).</param>
    /// <param name="messagesPerMinute">The chat rate limit per user (the Staff and Admin defaults).</param>
    /// <param name="configureServices">More services, e.g. a circuit's store (see <c>ChatCircuit</c>).</param>
    /// <param name="postgresServer">For PostgreSQL, the server (default: the run's shared one).</param>
    public static async Task<ChatHost> StartAsync(
        DatabaseProvider engine = DatabaseProvider.Sqlite,
        int messagesPerMinute = 10_000,
        Action<IServiceCollection>? configureServices = null,
        PostgresServer? postgresServer = null)
    {
        var postgres = engine == DatabaseProvider.Postgres ? await (postgresServer ?? PostgresServer.Shared).CreateDatabaseAsync() : null;
        var host = new ChatHost(postgres, configureServices);
        await using (var scope = host._services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        }

        await RateLimitSettings.SetMessageBudgetAsync(host._services, messagesPerMinute);

        await ((IHostedService)host._writer).StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Adds up one of the app meter's counters from now on.</summary>
    public MeasurementTotal CountOnAppMeter(string instrumentName) =>
        new(Get<IMeterFactory>().Create(RealtimeMetrics.MeterName), instrumentName);

    /// <summary>The SQLite database file (its write-ahead log is beside it, with <c>-wal</c> appended).</summary>
    public string DatabasePath => Path.Combine(_directory, "chat.db");

    /// <summary>A DI scope, as one circuit would have it.</summary>
    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    public async Task<ApplicationDbContext> OpenDbAsync() =>
        await Get<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    /// <summary>A staff user (or admin) whose email is <c>{localPart}@example.com</c>.</summary>
    public async Task<Actor> CreateUserAsync(string localPart, bool admin = false)
    {
        var email = $"{localPart}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant() };
        await using var db = await OpenDbAsync();
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new Actor(user.Id, localPart, new HashSet<string> { admin ? Roles.Admin : Roles.Staff });
    }

    public async Task<string> CreateRoomAsync(string id, bool isPrivate = false, DateTimeOffset? lastActivityAt = null)
    {
        await using var db = await OpenDbAsync();
        var at = lastActivityAt ?? DateTimeOffset.UnixEpoch;
        db.Rooms.Add(new Room { Id = id, Name = id, IsPrivate = isPrivate, CreatedAt = at, LastActivityAt = at });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return id;
    }

    public async Task AddMemberAsync(string roomId, Actor actor, RoomRole role = RoomRole.Member)
    {
        await using var db = await OpenDbAsync();
        db.RoomMemberships.Add(new RoomMembership { RoomId = roomId, UserId = actor.UserId, Role = role, JoinedAt = DateTimeOffset.UnixEpoch });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async Task ArchiveAsync(string roomId)
    {
        await using var db = await OpenDbAsync();
        await db.Rooms.Where(room => room.Id == roomId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(room => room.IsArchived, true), TestContext.Current.CancellationToken);
    }

    /// <summary>Posts through <see cref="ChatService"/> and fails the test when the post is refused.</summary>
    public async Task<ChatMessageView> PostAsync(Actor actor, string roomId, string text)
    {
        var posted = await Get<ChatService>().PostAsync(actor, roomId, text, TestContext.Current.CancellationToken);
        posted.Failure.ShouldBeNull();
        return posted.Value!;
    }

    /// <summary>Posts "message 1" … "message {count}" one after the other.</summary>
    public async Task PostManyAsync(Actor actor, string roomId, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await PostAsync(actor, roomId, $"message {i}");
        }
    }

    public async Task<int> CountMessagesAsync(string roomId)
    {
        await using var db = await OpenDbAsync();
        return await db.ChatMessages.CountAsync(m => m.RoomId == roomId, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await ((IHostedService)_writer).StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await using var connection = new NpgsqlConnection(_postgres);
            NpgsqlConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A disposed circuit's effect may still be finishing a query (store effects are fire-and-forget) and
            // recreate a journal file meanwhile; the temporary directory is then left for the OS to clean.
        }
    }
}
