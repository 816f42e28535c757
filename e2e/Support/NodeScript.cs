using System.Diagnostics;
using System.Text;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// Runs a script of <c>e2e/trpc-client</c> with Node and keeps its output. Every stdout line goes to <c>onLine</c>;
/// a non-null answer is logged as a <c>[test]</c> line (how a script asks the test to drop or restart the server).
/// </summary>
public static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    public static string Directory => Path.Combine(RepositoryPaths.Root, "e2e", "trpc-client");

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string script, IReadOnlyDictionary<string, string> environment, Func<string, string?> onLine, CancellationToken ct)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@trpc", "client")))
        {
            Assert.Fail($"{Directory}/node_modules is missing: run ./test.sh (it runs `npm ci` there) or `npm ci` in e2e/trpc-client.");
        }

        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        void Append(string line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            Append(line.Data);
            if (onLine(line.Data) is { } answer)
            {
                Append("[test] " + answer);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Append("[stderr] " + line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"{script} did not finish within {Timeout.TotalSeconds} s:\n{Snapshot()}");
        }

        process.WaitForExit(); // drains the redirected output
        var text = Snapshot();
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.TestOutput, Path.ChangeExtension(script, ".log")), text, CancellationToken.None);
        return (process.ExitCode, text);

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
