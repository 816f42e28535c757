using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// One node of the app as its own process (the Release build of RealtimeApp.Web, <c>dotnet exec</c>) on 127.0.0.1 at a
/// free port, configured by environment variables as an operator configures it. <see cref="KillAsync"/> ends it as a
/// crash does (SIGKILL: no shutdown, no goodbye to clients or to Redis).
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppNode(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public Uri ApiAddress => new($"ws://{BaseAddress.Authority}/api/ws?connectionParams=1");

    /// <summary>Whether the test has killed the node (set before the signal, so a client that sees the node go can tell).</summary>
    public bool Killed { get; private set; }

    /// <summary>The node's last lines of output, for a failure message.</summary>
    public string LastOutput => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts node <paramref name="name"/> with <paramref name="settings"/> (on <paramref name="port"/>, else a free one) and
    /// waits until it serves <c>/healthz</c>.
    /// </summary>
    public static async Task<AppNode> StartAsync(string name, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken, int? port = null)
    {
        port ??= LoopbackPorts.Free();
        var process = Process.Start(StartInfo(settings, ["--urls", $"http://127.0.0.1:{port}"]))!;
        var node = new AppNode(name, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => node.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => node.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await HealthWait.UntilHealthyAsync(node.BaseAddress, process, $"Node {name}", () => node.LastOutput, StartTimeout, cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the app's command line (<c>users create</c>, <c>tokens create</c>…) with <paramref name="settings"/>; returns its stdout.</summary>
    public static async Task<string> RunCommandAsync(IReadOnlyDictionary<string, string> settings, string[] arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo(settings, arguments))!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? (await output).Trim()
            : throw new InvalidOperationException($"{string.Join(' ', arguments.Take(2))} failed ({process.ExitCode}): {await error}{await output}");
    }

    /// <summary>Stops the process with SIGTERM, as an orchestrator does, and waits until it has exited; returns its exit code.</summary>
    public async Task<int> TerminateAsync(CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Ends the process at once with SIGKILL, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        Killed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, IEnumerable<string> arguments)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "RealtimeApp.Web", "bin", "Release", "net10.0", "RealtimeApp.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build with `dotnet build -c Release RealtimeApp.sln` first.");
        }

        var start = new ProcessStartInfo("dotnet", ["exec", dll, .. arguments])
        {
            // The build folder is the content root: Development serves the static web assets from their build manifest there.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Demo__Enabled"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            while (_output.Count > 80 && _output.TryDequeue(out _))
            {
            }
        }
    }
}
