using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
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
    private const string Email = "node-client@example.com";

    [Fact]
    public async Task OfficialTrpcClient_PassesEveryCompatibilityCheck()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = KestrelAppFactory.NewDataDirectory();
        var app = new KestrelAppFactory(dataDirectory: dataDirectory);
        var restart = Task.CompletedTask;
        try
        {
            app.Start();
            var secret = await CreateTokenAsync(app, ct);
            var script = await NodeScript.RunAsync("compat.mjs", new Dictionary<string, string>
            {
                ["TRPC_URL"] = $"ws://{app.BaseAddress.Authority}/api/ws",
                ["TRPC_TOKEN"] = secret,
                ["TRPC_BAD_TOKEN"] = "rt_" + new string('x', 43),
            }, line => line switch
            {
                // Drop every API connection: the official client must reconnect and resume on its own.
                "READY-FOR-DROP" => $"closed {app.Services.GetRequiredService<ApiConnectionRegistry>().CloseWhere(_ => true, "test drop")} connection(s)",
                // A graceful stop (reconnect notice to every client), then a new app on the same port and database.
                "READY-FOR-RESTART" => StartRestart(),
                _ => null,
            }, ct);

            await restart;
            script.ExitCode.ShouldBe(0, $"compat.mjs failed:\n{script.Output}");
            script.Output.ShouldContain("9 passed, 0 failed");
        }
        finally
        {
            await restart.ContinueWith(_ => { }, TaskScheduler.Default);
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }

        string StartRestart()
        {
            restart = Task.Run(async () =>
            {
                var port = app.BaseAddress.Port;
                await app.DisposeAsync();
                var next = new KestrelAppFactory(dataDirectory: dataDirectory, port: port);
                next.Start();
                app = next;
            }, CancellationToken.None);
            return "restarting the app on the same port and database";
        }
    }

    private static async Task<string> CreateTokenAsync(KestrelAppFactory app, CancellationToken ct)
    {
        await app.CreateUserAsync(Email, "Node#Pass1", Roles.Staff);
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(Email);
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user!.Id, "node compat", null, ct);
        created.Succeeded.ShouldBeTrue(created.Failure?.ToString());
        return created.Value!.Secret;
    }
}
