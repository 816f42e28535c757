using System.Text.Json;

namespace RealtimeApp.LoadBench;

/// <summary>The rooms a run posts to, created by the benchmark user (an Admin) over its own API connection.</summary>
public static class BenchRooms
{
    /// <summary>Creates rooms <c>load-0</c>…<c>load-(count−1)</c> through <paramref name="admin"/> and returns their ids.</summary>
    public static async Task<List<string>> CreateAsync(ApiSocket admin, int count, CancellationToken ct)
    {
        var rooms = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var created = await admin.RequestAsync($$$"""{"id":{{{i + 1}}},"method":"mutation","params":{"input":{"name":"load-{{{i}}}"},"path":"rooms.create"}}""", ct);
            using var json = JsonDocument.Parse(created);
            rooms.Add(json.RootElement.GetProperty("result").GetProperty("data").GetProperty("id").GetString()!);
        }

        return rooms;
    }
}
