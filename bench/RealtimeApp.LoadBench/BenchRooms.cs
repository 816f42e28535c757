using RealtimeApp.Client;

namespace RealtimeApp.LoadBench;

/// <summary>The rooms a run posts to, created by the benchmark user (an Admin) over its own API connection.</summary>
public static class BenchRooms
{
    /// <summary>Creates rooms <c>load-0</c>…<c>load-(count−1)</c> through <paramref name="admin"/> and returns their ids.</summary>
    public static async Task<List<string>> CreateAsync(RealtimeClient admin, int count, CancellationToken ct)
    {
        var rooms = new List<string>();
        for (var i = 0; i < count; i++)
        {
            rooms.Add((await admin.Rooms.CreateAsync($"load-{i}", cancellationToken: ct)).Id);
        }

        return rooms;
    }
}
