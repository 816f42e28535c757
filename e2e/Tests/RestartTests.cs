using System.Collections.Concurrent;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Users;
using RealtimeApp.E2E.Support;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.E2E.Tests;

/// <summary>A node stopped with SIGTERM and started again on the same port and database while the official client works.</summary>
public sealed class RestartTests : IDisposable
{
    private const string Email = "restart-bot@example.com";
    private const string Password = "Restart#Pass1";
    private const int Posts = 150;
    private static readonly string[] UnlimitedPosting = ["--messages-per-minute", "1000000", "--requests-per-second", "100000", "--burst", "100000"];

    private readonly string _directory = Directory.CreateTempSubdirectory("realtimeapp-restart-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SigtermAndRestart_OfficialClientsReconnect_TheFollowerMissesNothing_AndNoRetriedPostIsStoredTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_directory, "app.db")}",
            ["Bootstrap__AdminEmail"] = "admin@example.com",
            ["Bootstrap__AdminPassword"] = Password,
        };
        await AppNode.RunCommandAsync(settings, ["users", "create", "--email", Email, "--password", Password, "--role", Roles.Staff], ct);
        var token = await AppNode.RunCommandAsync(settings, ["tokens", "create", "--email", Email, "--name", "restart test"], ct);
        await AppNode.RunCommandAsync(settings, ["limits", "set", "--email", Email, .. UnlimitedPosting], ct);
        var port = LoopbackPorts.Free();
        var node = await AppNode.StartAsync("first", settings, ct, port);
        await using var stopLate = node;
        var acknowledged = new ConcurrentQueue<string>();
        var clients = NodeScript.RunAsync(
            "restart.mjs",
            new Dictionary<string, string>
            {
                ["TRPC_URL"] = node.ApiAddress.GetLeftPart(UriPartial.Path),
                ["TRPC_TOKEN"] = token,
                ["ROOM_ID"] = Room.GeneralId,
                ["COUNT"] = Posts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            line =>
            {
                if (line.StartsWith("ACK ", StringComparison.Ordinal))
                {
                    acknowledged.Enqueue(line);
                }

                return null;
            },
            ct);

        await Eventually.WaitUntilAsync(() => acknowledged.Count >= 20 || clients.IsCompleted, "the poster's first posts are answered");
        var acknowledgedBeforeStop = acknowledged.Count;
        var exitCode = await node.TerminateAsync(ct);
        await using var restarted = await AppNode.StartAsync("restarted", settings, ct, port);
        var (scriptExit, output) = await clients;

        exitCode.ShouldBe(0, "SIGTERM is a clean stop: " + node.LastOutput);
        acknowledgedBeforeStop.ShouldBeLessThan(Posts, "the restart happened while the poster was still posting");
        scriptExit.ShouldBe(0, output);
        output.ShouldContain("3 passed, 0 failed");
    }
}
