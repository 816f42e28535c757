using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.E2E.Support;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// The official <c>@trpc/client</c> HTTP links (Node, unmodified) against the real server:
/// <c>e2e/trpc-client/http-compat.mjs</c>, with the design's own splitLink client, and an SSE subscription that must
/// survive a restart and end on unsubscribe.
/// </summary>
public sealed class TrpcHttpClientCompatTests
{
    [Fact]
    public async Task OfficialTrpcHttpLinks_PassEveryCompatibilityCheck()
    {
        var script = await OfficialClientRun.RunAsync(
            "http-compat.mjs",
            "node-http-client@example.com",
            (app, secret) => new Dictionary<string, string>
            {
                ["TRPC_HTTP_URL"] = $"http://{app.BaseAddress.Authority}/api/trpc",
                ["TRPC_URL"] = $"ws://{app.BaseAddress.Authority}/api/ws",
                ["TRPC_TOKEN"] = secret,
                ["TRPC_BAD_TOKEN"] = "rt_" + new string('x', 43),
            },
            onLine: null,
            check: app => OfficialClientRun.WaitUntilAsync(
                () => app.Services.GetRequiredService<ApiConnectionRegistry>().Count == 0, "every SSE stream and socket has ended"),
            TestContext.Current.CancellationToken);

        script.ExitCode.ShouldBe(0, $"http-compat.mjs failed:\n{script.Output}");
        script.Output.ShouldContain("5 passed, 0 failed");
    }
}
