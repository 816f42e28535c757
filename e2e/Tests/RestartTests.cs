using System.Collections.Concurrent;
using RealtimeApp.Domain.Chat;
using RealtimeApp.E2E.Support;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.E2E.Tests;

/// <summary>A node stopped with SIGTERM and started again on the same port and database while the official client works.</summary>
public sealed class RestartTests : IDisposable
{
    private const string Email = "restart-bot@example.com";
    private const int Posts = 150;

    private readonly string _directory = Directory.CreateTempSubdirectory("realtimeapp-restart-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SigtermAndRestart_OfficialClientsReconnect_TheFollowerMissesNothing_AndNoRetriedPostIsStoredTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var (settings, token) = await UnlimitedBotNode.PrepareAsync(_directory, Email, ct);
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
