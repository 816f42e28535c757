using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RealtimeApp.LoadBench;

/// <summary>
/// The real app (the Release build of RealtimeApp.Web) as its own process on 127.0.0.1, rate limits in force, on the
/// database its settings name (by default a fresh SQLite file of its own), and its command line for the benchmark
/// user, its per-user override and its API token.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const string AdminEmail = "bench-admin@example.com";
    private const string AdminPassword = "Bench#Admin1";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _dll;
    private readonly string _dataDirectory;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _logPrefix;
    private Process? _process;

    private AppProcess(string dataDirectory, IReadOnlyDictionary<string, string> settings, string logPrefix)
    {
        _dll = AppDll();
        _dataDirectory = dataDirectory;
        _settings = settings;
        _logPrefix = logPrefix;
        Directory.CreateDirectory(dataDirectory);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public Uri ApiAddress => new($"ws://{BaseAddress.Authority}/api/ws?connectionParams=1");

    /// <summary>Resident memory of the server process, from /proc (Linux).</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process!.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>The CPU time the server process has used so far (user and system, every thread).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process!.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>A node on a fresh SQLite file in its own data directory.</summary>
    public static AppProcess OnOwnSqlite()
    {
        var dataDirectory = NewDataDirectory();
        var settings = new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(dataDirectory, "bench.db")}" };
        return new AppProcess(dataDirectory, settings, "[app] ");
    }

    /// <summary>
    /// A node configured by <paramref name="settings"/> (environment variables, <c>__</c> for <c>:</c>), e.g. a database
    /// and backplane it shares with other nodes; its errors are echoed with <paramref name="name"/>.
    /// </summary>
    public static AppProcess With(IReadOnlyDictionary<string, string> settings, string name) => new(NewDataDirectory(), settings, $"[node {name}] ");

    /// <summary>Prepares the benchmark user on a fresh SQLite database, then starts the server; returns the user's API token.</summary>
    public static async Task<(AppProcess App, string Token)> StartWithBenchUserAsync(int connections, CancellationToken ct = default)
    {
        var app = OnOwnSqlite();
        try
        {
            var token = await BenchUser.PrepareAsync(app, connections, ct);
            await app.StartServerAsync(ct);
            return (app, token);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server on a free loopback port and returns once it listens (the database is migrated by then).</summary>
    public async Task StartServerAsync(CancellationToken ct = default)
    {
        var port = FreePort();
        var process = Process.Start(Start(["--urls", $"http://127.0.0.1:{port}"]))!;
        _process = process;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Console.Error.WriteLine(_logPrefix + line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync(ct);
        if (await Task.WhenAny(ready.Task, exited).WaitAsync(StartTimeout, ct) == exited)
        {
            await exited; // throws if ct fired
            throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it started (its errors are above).");
        }

        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>Runs the app's command line (<c>users create</c>, <c>limits set</c>, <c>tokens create</c>) on the same database.</summary>
    public async Task<string> RunCommandAsync(string[] arguments, CancellationToken ct = default)
    {
        using var process = Process.Start(Start(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"{string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalMinutes:0} minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }

        return (await output).Trim();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    private ProcessStartInfo Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", [_dll, .. arguments])
        {
            WorkingDirectory = _dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (name, value) in _settings)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "realtimeapp-loadbench", Guid.NewGuid().ToString("N"));

    private static string AppDll()
    {
        var dll = Path.Combine(RepositoryRoot(), "RealtimeApp.Web", "bin", "Release", "net10.0", "RealtimeApp.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build with `dotnet build -c Release RealtimeApp.sln` first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RealtimeApp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RealtimeApp.sln not found above " + AppContext.BaseDirectory);
    }
}
