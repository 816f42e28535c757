using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.RateLimits;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.ChatBench;

/// <summary>
/// What <see cref="ChatService.PostAsync(Actor, string, string, string, CancellationToken)"/> spends before it reaches the writer, step by step, on one thread:
/// a context, its connection, the room lookup, the membership check and the rate limiter.
/// </summary>
public static class PostCostBreakdown
{
    public static async Task RunAsync(string directory, int iterations)
    {
        await using var host = await BenchHost.StartAsync(Path.Combine(directory, "posting.db"));
        var contexts = host.Get<IDbContextFactory<ApplicationDbContext>>();
        var access = host.Get<RoomAccess>();
        var limiter = host.Get<UserRateLimiter>();
        var actor = new Actor("breakdown", "breakdown", new HashSet<string> { Roles.Staff });
        var ticks = new long[5];
        for (var i = 0; i < iterations; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await using var db = await contexts.CreateDbContextAsync();
            t = Lap(ticks, 0, t);
            await db.Database.OpenConnectionAsync();
            t = Lap(ticks, 1, t);
            await access.FindWritableAsync(db, actor, "bench", CancellationToken.None);
            t = Lap(ticks, 2, t);
            await RoomAccess.IsMemberAsync(db, actor.UserId, "bench", CancellationToken.None);
            t = Lap(ticks, 3, t);
            await limiter.TryAcquireMessageAsync(new Actor($"user-{i % 64}", "bench", actor.Roles));
            Lap(ticks, 4, t);
        }

        string Mean(int step) => (ticks[step] * 1e6 / Stopwatch.Frequency / iterations).ToString("0", CultureInfo.InvariantCulture);
        Console.WriteLine($"Per post, mean of {iterations:N0}: create context {Mean(0)} us, open connection {Mean(1)} us, "
            + $"find room {Mean(2)} us, membership check {Mean(3)} us, rate limiter {Mean(4)} us");
    }

    private static long Lap(long[] ticks, int step, long started)
    {
        var now = Stopwatch.GetTimestamp();
        ticks[step] += now - started;
        return now;
    }
}
