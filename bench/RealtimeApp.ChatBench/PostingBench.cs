using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.ChatBench;

/// <summary>
/// Posting throughput through <see cref="ChatService.PostAsync(Actor, string, string, string, CancellationToken)"/> (authorize, rate-limit, validate, group commit, publish)
/// on a fresh SQLite file in WAL mode, or a fresh PostgreSQL database (<see cref="BenchPostgres"/>): <c>posters</c>
/// concurrent tasks, one user each, already members of the room.
/// </summary>
public static class PostingBench
{
    public static async Task RunAsync(string directory, int posters, int total, bool writerOnly, string? postgresServer)
    {
        var path = Path.Combine(directory, "posting.db");
        foreach (var file in Directory.GetFiles(directory, "posting.db*"))
        {
            File.Delete(file);
        }

        var postgres = postgresServer is null ? null : await BenchPostgres.CreateFreshDatabaseAsync(postgresServer, "realtimeapp_chatbench");
        Console.WriteLine(postgres is null ? "Engine: SQLite" : "Engine: PostgreSQL");
        await using var host = await BenchHost.StartAsync(path, postgres);
        var actors = await CreatePostersAsync(host, posters);
        Func<Actor, int, Task> post = writerOnly ? WriterPoster(host.Get<MessageWriter>()) : ServicePoster(host.Get<ChatService>());

        await PostAsync(post, actors, Math.Min(total / 10, 5_000));
        var started = Stopwatch.StartNew();
        await PostAsync(post, actors, total);
        var elapsed = started.Elapsed;

        await using var db = await host.Get<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        var stored = await db.ChatMessages.CountAsync();
        var last = await db.Rooms.Where(r => r.Id == "bench").Select(r => r.LastSequence).SingleAsync();
        Console.WriteLine($"Posted {total:N0} messages with {posters} concurrent posters{(writerOnly ? " (MessageWriter only)" : "")} in {elapsed.TotalSeconds:0.00} s: "
            + $"{total / elapsed.TotalSeconds:N0} messages/s (stored {stored:N0}, room LastSequence {last:N0})");
    }

    private static Func<Actor, int, Task> ServicePoster(ChatService chat) => async (actor, i) =>
    {
        var posted = await chat.PostAsync(actor, "bench", Text(actor, i));
        if (!posted.Succeeded)
        {
            throw new InvalidOperationException(posted.Failure!.Message);
        }
    };

    /// <summary>Straight to the group-commit writer, skipping the service's checks: isolates the cost of storing.</summary>
    private static Func<Actor, int, Task> WriterPoster(MessageWriter writer) =>
        (actor, i) => writer.WriteAsync(new NewMessage("bench", actor.UserId, actor.DisplayName, Text(actor, i), []));

    private static string Text(Actor actor, int i) => $"message {i} from {actor.DisplayName}: lorem ipsum dolor sit amet";

    private static async Task PostAsync(Func<Actor, int, Task> post, IReadOnlyList<Actor> actors, int total)
    {
        var perPoster = total / actors.Count;
        await Task.WhenAll(actors.Select(actor => Task.Run(async () =>
        {
            for (var i = 0; i < perPoster; i++)
            {
                await post(actor, i);
            }
        })));
    }

    private static async Task<List<Actor>> CreatePostersAsync(BenchHost host, int posters)
    {
        await using var db = await host.Get<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        db.Rooms.Add(new Room { Id = "bench", Name = "bench", CreatedAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow });
        var actors = new List<Actor>();
        for (var i = 0; i < posters; i++)
        {
            var email = $"poster{i}@example.com";
            var user = new ApplicationUser { UserName = email, Email = email };
            db.Users.Add(user);
            db.RoomMemberships.Add(new RoomMembership { RoomId = "bench", UserId = user.Id, JoinedAt = DateTimeOffset.UtcNow });
            actors.Add(new Actor(user.Id, $"poster{i}", new HashSet<string> { Roles.Staff }));
        }

        await db.SaveChangesAsync();
        return actors;
    }
}
