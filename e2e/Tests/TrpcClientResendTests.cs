using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.E2E.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.E2E.Tests;

/// <summary>
/// The official <c>@trpc/client</c> sends <c>chat.send</c> with a clientId, loses its connection (once after the message
/// was committed but before its answer left, once at any moment) and sends it again after reconnecting:
/// <c>e2e/trpc-client/resend.mjs</c>. One message each, stored and delivered once.
/// </summary>
public sealed class TrpcClientResendTests
{
    [Fact]
    public async Task OfficialTrpcClient_StoresAndDeliversOnce_WhenItResendsAClientIdAfterADroppedConnection()
    {
        var held = new HeldAnswers();

        var script = await OfficialClientRun.RunAsync(
            "resend.mjs",
            "resend-client@example.com",
            (app, secret) => new Dictionary<string, string> { ["TRPC_URL"] = $"ws://{app.BaseAddress.Authority}/api/ws", ["TRPC_TOKEN"] = secret },
            (line, app) => line switch
            {
                "DROP-WHEN-STORED" => DropWhenStored(app, held),
                "READY-FOR-DROP" => $"closed {Connections(app).CloseWhere(_ => true, "test drop")} connection(s)",
                _ => null,
            },
            check: async app =>
            {
                await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
                var resent = await db.ChatMessages.Where(m => m.ClientId != null).Select(m => m.ClientId!).ToListAsync(TestContext.Current.CancellationToken);
                resent.Count.ShouldBe(2);
                resent.ShouldContain(id => id.StartsWith(HeldAnswers.Prefix, StringComparison.Ordinal));
                resent.ShouldContain(id => id.StartsWith("cut-", StringComparison.Ordinal));
            },
            TestContext.Current.CancellationToken,
            held.Register);

        script.ExitCode.ShouldBe(0, $"resend.mjs failed:\n{script.Output}");
        script.Output.ShouldContain("2 passed, 0 failed");
    }

    private static ApiConnectionRegistry Connections(KestrelAppFactory app) => app.Services.GetRequiredService<ApiConnectionRegistry>();

    /// <summary>Runs on the script's output reader: waits for the commit, drops every connection, then lets the answer go.</summary>
    private static string DropWhenStored(KestrelAppFactory app, HeldAnswers held)
    {
        held.Stored.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        var closed = Connections(app).CloseWhere(_ => true, "test drop");
        held.Release();
        return $"the send is stored; closed {closed} connection(s) before its answer";
    }
}
