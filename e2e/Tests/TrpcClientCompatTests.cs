using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.E2E.Support;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.E2E.Tests;

/// <summary>The official <c>@trpc/client</c> (Node, unmodified) against the real server: <c>e2e/trpc-client/compat.mjs</c>.</summary>
public sealed class TrpcClientCompatTests
{
    [Fact]
    public async Task OfficialTrpcClient_PassesEveryCompatibilityCheck()
    {
        var script = await OfficialClientRun.RunAsync(
            "compat.mjs",
            "node-client@example.com",
            (app, secret) => new Dictionary<string, string>
            {
                ["TRPC_URL"] = $"ws://{app.BaseAddress.Authority}/api/ws",
                ["TRPC_TOKEN"] = secret,
                ["TRPC_BAD_TOKEN"] = "rt_" + new string('x', 43),
            },
            // Drop every API connection: the official client must reconnect and resume on its own.
            (line, app) => line == "READY-FOR-DROP"
                ? $"closed {app.Services.GetRequiredService<ApiConnectionRegistry>().CloseWhere(_ => true, "test drop")} connection(s)"
                : null,
            check: null,
            TestContext.Current.CancellationToken);

        script.ExitCode.ShouldBe(0, $"compat.mjs failed:\n{script.Output}");
        script.Output.ShouldContain("9 passed, 0 failed");
    }
}
