using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RealtimeApp.LoadBench;

/// <summary>
/// The real app (the Release build of RealtimeApp.Web) as its own process on 127.0.0.1, with a fresh SQLite file,
/// rate limits in force, and its command line for the benchmark user, its per-user override and its API token.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const string AdminEmail = "bench-admin@example.com";
    private const string AdminPassword = "Bench#Admin1";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dll;
    private readonly string _dataDirectory;
    private Process? _process;

    private AppProcess(string dll, string dataDirectory)
    {
        _dll = dll;
        _dataDirectory = dataDirectory;
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

    /// <summary>Prepares the benchmark user on a fresh database, then starts the server; returns the user's API token.</summary>
    public static async Task<(AppProcess App, string Token)> StartWithBenchUserAsync(int connections)
    {
        var dll = Path.Combine(RepositoryRoot(), "RealtimeApp.Web", "bin", "Release", "net10.0", "RealtimeApp.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build with `dotnet build -c Release RealtimeApp.sln` first.");
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), "realtimeapp-loadbench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var app = new AppProcess(dll, dataDirectory);
        try
        {
            var token = await BenchUser.PrepareAsync(app, connections);
            await app.StartServerAsync();
            return (app, token);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private async Task StartServerAsync()
    {
        var port = FreePort();
        var process = Process.Start(Start(_dll, _dataDirectory, ["--urls", $"http://127.0.0.1:{port}"]))!;
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
                Console.Error.WriteLine("[app] " + line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited).WaitAsync(StartTimeout) == exited)
        {
            throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it started (its errors are above).");
        }

        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>Runs the app's command line (<c>users create</c>, <c>limits set</c>, <c>tokens create</c>) on the same database.</summary>
    public async Task<string> RunCommandAsync(params string[] arguments)
    {
        using var process = Process.Start(Start(_dll, _dataDirectory, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
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

    private static ProcessStartInfo Start(string dll, string dataDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(dataDirectory, "bench.db")}";
        start.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        return start;
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
