using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RealtimeApp.E2E.Support;

/// <summary>The app as an operator deploys it: <c>dotnet publish</c> output started in Production from its own folder.</summary>
public sealed partial class PublishedApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _dataDirectory;

    private PublishedApp(Process process, string dataDirectory, Uri baseAddress)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<PublishedApp> PublishAndStartAsync(CancellationToken cancellationToken)
    {
        var publishDirectory = Path.Combine(Path.GetTempPath(), "realtimeapp-publish", Guid.NewGuid().ToString("N"));
        await RunToCompletionAsync("dotnet", ["publish", Path.Combine(RepositoryPaths.Root, "RealtimeApp.Web"), "-c", "Release", "-o", publishDirectory, "--nologo", "-v", "quiet"], cancellationToken);

        var dataDirectory = Path.Combine(publishDirectory, "data");
        var start = new ProcessStartInfo("dotnet", ["RealtimeApp.Web.dll", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = publishDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Bootstrap__AdminEmail"] = "ops@example.com",
                ["Bootstrap__AdminPassword"] = "Ops#Pass1",
            },
        };
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            var match = line.Data is null ? Match.Empty : ListeningOn().Match(line.Data);
            if (match.Success)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = await listening.Task.WaitAsync(StartTimeout, cancellationToken);
        return new PublishedApp(process, dataDirectory, address);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);
    }

    private static async Task RunToCompletionAsync(string fileName, string[] arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
