using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Users;
using RealtimeApp.E2E.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.ApiTokens;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.E2E.Tests;

/// <summary>The official <c>@trpc/client</c> (Node, unmodified) against the real server: <c>e2e/trpc-client/compat.mjs</c>.</summary>
public sealed class TrpcClientCompatTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task OfficialTrpcClient_PassesEveryCompatibilityCheck()
    {
        var ct = TestContext.Current.CancellationToken;
        var clientDirectory = Path.Combine(RepositoryPaths.Root, "e2e", "trpc-client");
        if (!Directory.Exists(Path.Combine(clientDirectory, "node_modules", "@trpc", "client")))
        {
            Assert.Fail($"{clientDirectory}/node_modules is missing: run ./test.sh (it runs `npm ci` there) or `npm ci` in e2e/trpc-client.");
        }

        await using var app = new KestrelAppFactory();
        app.Start();
        const string email = "node-client@example.com";
        await app.CreateUserAsync(email, "Node#Pass1", Roles.Staff);
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
            var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user!.Id, "node compat", null, ct);
            created.Succeeded.ShouldBeTrue(created.Failure?.ToString());
            secret = created.Value!.Secret;
        }

        var registry = app.Services.GetRequiredService<ApiConnectionRegistry>();
        var start = new ProcessStartInfo("node", ["compat.mjs"])
        {
            WorkingDirectory = clientDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["TRPC_URL"] = $"ws://{app.BaseAddress.Authority}/api/ws",
                ["TRPC_TOKEN"] = secret,
                ["TRPC_BAD_TOKEN"] = "rt_" + new string('x', 43),
            },
        };

        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data == "READY-FOR-DROP")
            {
                // Drop every API connection: the official client must reconnect and resume on its own.
                var closed = registry.CloseWhere(_ => true, "test drop");
                lock (output)
                {
                    output.AppendLine($"[test] closed {closed} connection(s)");
                }
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine("[stderr] " + line.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"compat.mjs did not finish within {ScriptTimeout.TotalSeconds} s:\n{Snapshot(output)}");
        }

        process.WaitForExit(); // drains the redirected output
        TestContext.Current.TestOutputHelper?.WriteLine(Snapshot(output));
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.TestOutput, "trpc-client-compat.log"), Snapshot(output), CancellationToken.None);
        process.ExitCode.ShouldBe(0, $"compat.mjs failed:\n{Snapshot(output)}");
        Snapshot(output).ShouldContain("8 passed, 0 failed");
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
