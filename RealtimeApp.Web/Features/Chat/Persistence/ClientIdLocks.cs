using System.Security.Cryptography;
using System.Text;

namespace RealtimeApp.Web.Features.Chat.Persistence;

/// <summary>
/// PostgreSQL advisory locks, one per (author, client id) of a batch, held until the transaction ends. Keys are taken in
/// ascending order, so two writers locking overlapping pairs never wait for each other in a cycle.
/// </summary>
internal static class ClientIdLocks
{
    /// <summary>The two-key form (its own key space, apart from single-key locks such as the start-up lock); the first key names the use.</summary>
    public const string Statement = """SELECT pg_advisory_xact_lock(1128808788, key) FROM unnest(@keys) AS key""";

    /// <summary>A stable key per (author, client id), the same on every node; two pairs sharing a key only take turns.</summary>
    public static int[] Keys(IEnumerable<NewMessage> batch) =>
    [
        .. batch.Where(message => message.ClientId is not null)
            .Select(message => Key(message.AuthorId, message.ClientId!))
            .Distinct()
            .Order(),
    ];

    private static int Key(string authorId, string clientId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{authorId}\n{clientId}"), hash);
        return BitConverter.ToInt32(hash);
    }
}
