using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Web.Data;

[assembly: AssemblyFixture(typeof(RealtimeApp.Tests.Support.PostgresServer))]

namespace RealtimeApp.Tests.Support;

/// <summary>
/// A PostgreSQL server of the test run's own, started on first use: loopback, a free port, a temporary folder, run as the
/// unprivileged <c>postgres</c> user when the tests run as root (PostgreSQL refuses root), no fsync (the machine does
/// not crash under a test; a stopped server keeps every commit, as outage tests need). Each test gets a fresh database
/// copied from a migrated template. ./test.sh installs PostgreSQL.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string TemplateDatabase = "realtimeapp_template";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static PostgresServer? _shared;

    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly ConcurrentQueue<string> _output = new();
    private string? _folder;
    private Process? _process;
    private int _port;

    public PostgresServer()
        : this(shared: true)
    {
    }

    private PostgresServer(bool shared)
    {
        if (shared)
        {
            _shared = this;
        }
    }

    /// <summary>The run's server (xUnit creates it once for the test assembly and disposes it at the end).</summary>
    public static PostgresServer Shared => _shared ?? throw new InvalidOperationException("The PostgreSQL assembly fixture was not created.");

    /// <summary>A server of the caller's own, to stop and start again (a database outage); dispose it.</summary>
    public static async Task<PostgresServer> StartOwnAsync()
    {
        var server = new PostgresServer(shared: false);
        await server.EnsureStartedAsync();
        return server;
    }

    /// <summary>
    /// Stops the server at once (immediate mode: no checkpoint, crash recovery at the next start, every session cut) and
    /// waits until it is gone; its data stays for <see cref="StartAgainAsync"/>.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await RunAsync(Path.Combine(BinaryFolder(), "pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop");
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Starts the server again on its port, on the same data, and returns once it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        _process?.Dispose();
        await RunServerAsync();
    }

    /// <summary>Creates a database of its own, migrated (or with no table at all), and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(bool migrated = true)
    {
        await EnsureStartedAsync();
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {(migrated ? TemplateDatabase : "template0")}", connection);
        // Copying a template fails while another session is on it, and a copy running at the same time is one: try again.
        await Eventually.WaitUntilAsync(
            async () =>
            {
                try
                {
                    await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
                    return true;
                }
                catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ObjectInUse)
                {
                    return false;
                }
            },
            $"database {name} is created from the template",
            StartTimeout);
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        _process?.Dispose();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }

        _starting.Dispose();
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Maximum Pool Size=20;Connection Idle Lifetime=10";

    private async Task EnsureStartedAsync()
    {
        await _starting.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_process is null)
            {
                await StartAsync();
                await CreateTemplateAsync();
            }
        }
        finally
        {
            _starting.Release();
        }
    }

    private async Task StartAsync()
    {
        var bin = BinaryFolder();
        _folder = Directory.CreateTempSubdirectory("realtimeapp-postgres-").FullName;
        // The server runs as postgres: it must be able to create its data folder here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
        }

        await RunAsync(Path.Combine(bin, "initdb"), "-D", DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        _port = FreePort();
        await RunServerAsync();
    }

    private string DataFolder => Path.Combine(_folder!, "data");

    private async Task RunServerAsync()
    {
        _process = Start(
            Path.Combine(BinaryFolder(), "postgres"), "-D", DataFolder, "-p", _port.ToString(CultureInfo.InvariantCulture), "-k", _folder!,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off",
            "-c", "max_connections=400");
        var process = _process;
        await Eventually.WaitUntilAsync(
            async () => process.HasExited
                ? throw new InvalidOperationException($"postgres on port {_port} exited at start (code {process.ExitCode}):{Environment.NewLine}{LastOutput}")
                : await AcceptsConnectionsAsync(),
            $"postgres on port {_port} accepts connections",
            StartTimeout);
    }

    /// <summary>Migrates the template with the app's own migrator, so every test database starts at the latest migration.</summary>
    private async Task CreateTemplateAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {TemplateDatabase}", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.Postgres),
                [DatabaseSettings.ConnectionStringKey] = ConnectionString(TemplateDatabase),
            })
            .Build();
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddRealtimeAppData(configuration, _folder!);
        services.AddRealtimeAppUsers();
        await using (var provider = services.BuildServiceProvider())
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        }

        // A template can only be copied while nobody is connected to it.
        NpgsqlConnection.ClearAllPools();
    }

    private static string BinaryFolder() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault() ?? throw NotInstalled()
            : throw NotInstalled();

    private static InvalidOperationException NotInstalled() =>
        new("PostgreSQL is not installed: ./test.sh installs it (apt-get install postgresql).");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Starts <paramref name="executable"/> as postgres when the tests run as root.</summary>
    private Process Start(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(IsRoot ? "runuser" : executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", executable })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            while (_output.Count > 50 && _output.TryDequeue(out _))
            {
            }
        }
    }

    private string LastOutput => string.Join(Environment.NewLine, _output);

    private async Task RunAsync(string executable, params string[] arguments)
    {
        using var process = Start(executable, arguments);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} failed (exit code {process.ExitCode}):{Environment.NewLine}{LastOutput}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
