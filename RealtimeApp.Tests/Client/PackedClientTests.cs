using System.Diagnostics;
using System.Threading.Channels;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Client;

/// <summary>
/// RealtimeApp.Client as a user gets it: <c>dotnet pack</c> makes the package, and the API guide's C# example
/// (<c>docs/examples/FollowRoom.cs</c>, a file-based app), restored from that package and not from the project, posts
/// to a room of the real app and prints what others post there.
/// </summary>
public sealed class PackedClientTests
{
    private static readonly TimeSpan BuildAndRunLimit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task TheApiGuidesExample_RestoredFromThePackedPackage_PostsAndFollowsARoom()
    {
        var work = Directory.CreateTempSubdirectory("realtimeapp-packed-client-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            var (packed, packOutput) = await PackAsync(feed);
            packed.ShouldBe(0, packOutput);
            Directory.GetFiles(feed, "RealtimeApp.Client.*.nupkg").ShouldHaveSingleItem();
            var app = PrepareExample(work, feed);
            await using var host = await ClientAppHost.StartAsync();
            var admin = await host.AdminAsync();
            var token = await host.CreateTokenAsync(admin);

            using var example = StartExample(app, work, host.ApiUrl, token.Secret);
            try
            {
                var lines = Lines(example);
                await lines.WaitForAsync(line => line.EndsWith(": hello from C#", StringComparison.Ordinal), "its own greeting, followed back", BuildAndRunLimit);
                var text = $"from the test {Guid.NewGuid():N}";
                var sequence = await host.PostAsync(admin, "general", text);

                await lines.WaitForAsync(
                    line => line.StartsWith($"#{sequence} ", StringComparison.Ordinal) && line.EndsWith($": {text}", StringComparison.Ordinal),
                    "a message posted by someone else, live", TimeSpan.FromSeconds(30));
            }
            finally
            {
                example.Kill(entireProcessTree: true);
                await example.WaitForExitAsync(CancellationToken.None);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The example in a folder of its own whose NuGet sources are the new package and the packages this machine has
    /// already (so it restores offline), with packages unpacked apart: never a stale copy of the client from another run.
    /// </summary>
    private static string PrepareExample(string work, string feed)
    {
        var app = Directory.CreateDirectory(Path.Combine(work, "app")).FullName;
        File.Copy(Path.Combine(Repository.Root, "docs", "examples", "FollowRoom.cs"), Path.Combine(app, "FollowRoom.cs"));
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
                <add key="machine" value="{machinePackages}" />
              </packageSources>
            </configuration>
            """);
        return app;
    }

    private static Process StartExample(string app, string work, Uri apiUrl, string token)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "run", "FollowRoom.cs", "--", apiUrl.ToString(), "general" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TOKEN"] = token;
        start.Environment["NUGET_PACKAGES"] = Path.Combine(work, "packages");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // A build in processes of its own: the test command publishes the app beside this test, and a compiler server
        // or MSBuild node shared with that work is the likely reason the example once printed nothing for 3 minutes in CI.
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        return Process.Start(start)!;
    }

    /// <summary>Every line the example prints (standard output and error), as it prints it.</summary>
    private static PrintedLines Lines(Process process)
    {
        var lines = new PrintedLines();
        process.OutputDataReceived += (_, e) => lines.Add(e.Data);
        process.ErrorDataReceived += (_, e) => lines.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return lines;
    }

    /// <summary><c>dotnet pack</c> of the client's Release build into <paramref name="feed"/>: its exit code and what it printed.</summary>
    private static async Task<(int ExitCode, string Output)> PackAsync(string feed)
    {
        var start = new ProcessStartInfo("dotnet", ["pack", Path.Combine(Repository.Root, "RealtimeApp.Client"), "-c", "Release", "--no-build", "-o", feed])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(BuildAndRunLimit);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output + await error);
    }

    private sealed class PrintedLines
    {
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
        private readonly List<string> _seen = [];
        private int _streamsEnded;

        /// <summary>A line, or null when one of the two streams has ended: after both, nothing more will come.</summary>
        public void Add(string? line)
        {
            if (line is not null)
            {
                _lines.Writer.TryWrite(line);
            }
            else if (Interlocked.Increment(ref _streamsEnded) == 2)
            {
                _lines.Writer.TryComplete();
            }
        }

        public async Task WaitForAsync(Func<string, bool> match, string what, TimeSpan limit)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(limit);
            try
            {
                while (true)
                {
                    var line = await _lines.Reader.ReadAsync(deadline.Token);
                    _seen.Add(line);
                    if (match(line))
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The example did not print {what} within {limit.TotalSeconds:0} s. It printed:\n{string.Join('\n', _seen)}");
            }
            catch (ChannelClosedException)
            {
                throw new InvalidOperationException($"The example ended without printing {what}. It printed:\n{string.Join('\n', _seen)}");
            }
        }
    }
}
