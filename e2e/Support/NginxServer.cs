using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// nginx running the operations guide's example (<c>docs/deploy/nginx.conf</c>) in front of some nodes: the file as
/// shipped, with only its upstream servers and its listen port replaced, on 127.0.0.1 at a free port, from a
/// temporary folder. ./test.sh installs nginx (not started as a service).
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string _folder;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private NginxServer(string folder, Process process, int port)
    {
        _folder = folder;
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public static string ExampleFile => Path.Combine(RepositoryPaths.Root, "docs", "deploy", "nginx.conf");

    /// <summary>Starts nginx with the example in front of <paramref name="nodes"/> and waits until it answers <c>/healthz</c>.</summary>
    public static async Task<NginxServer> StartAsync(IEnumerable<Uri> nodes, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("realtimeapp-nginx-").FullName;
        // nginx started as root runs its workers as nobody, who writes the proxy's temporary files here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }
        var port = LoopbackPorts.Free();
        await File.WriteAllTextAsync(Path.Combine(folder, "realtimeapp.conf"), Example(nodes, port), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), MainConfiguration(folder), cancellationToken);

        var start = new ProcessStartInfo(Executable(), ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var server = new NginxServer(folder, process, port);
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await HealthWait.UntilHealthyAsync(server.BaseAddress, process, "nginx", () => string.Join(Environment.NewLine, server._output), StartTimeout, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The example with the nodes as its upstream servers (keeping their options) and a loopback listen port.</summary>
    private static string Example(IEnumerable<Uri> nodes, int port)
    {
        var example = File.ReadAllText(ExampleFile);
        var servers = UpstreamServer().Matches(example);
        if (servers.Count == 0 || !ListenLine().IsMatch(example))
        {
            throw new InvalidOperationException($"{ExampleFile} no longer has the upstream servers and listen line this test replaces.");
        }

        var options = servers[0].Groups["options"].Value;
        var upstream = string.Join(Environment.NewLine, nodes.Select(node => $"    server {node.Authority}{options};"));
        var withNodes = example[..servers[0].Index] + upstream + example[(servers[^1].Index + servers[^1].Length)..];
        return ListenLine().Replace(withNodes, $"listen 127.0.0.1:{port};");
    }

    private static string MainConfiguration(string folder) => $$"""
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        daemon off;
        events { worker_connections 1024; }
        http {
            access_log off;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            include {{folder}}/realtimeapp.conf;
        }
        """;

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static string Executable() =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx is not installed: ./test.sh installs it (apt-get install nginx).");


    [GeneratedRegex(@"^ *server +\S+:\d+(?<options>[^;]*);", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"listen 80;")]
    private static partial Regex ListenLine();
}
