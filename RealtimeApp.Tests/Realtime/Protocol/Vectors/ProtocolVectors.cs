using System.Text.Json;

namespace RealtimeApp.Tests.Realtime.Protocol.Vectors;

/// <summary>Frames taken from the reference captures (shared/trpc-reference), adapted to the test procedures.</summary>
public static class ProtocolVectors
{
    public static TheoryData<string, string, string> ParseErrors() => Load("parse-errors.jsonl", "message");

    public static TheoryData<string, string, string> Successes() => Load("success.jsonl", "expect");

    private static TheoryData<string, string, string> Load(string file, string expectedKey)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Realtime", "Protocol", "Vectors", file)))
        {
            using var vector = JsonDocument.Parse(line);
            var root = vector.RootElement;
            data.Add(root.GetProperty("case").GetString()!, root.GetProperty("send").GetString()!, root.GetProperty(expectedKey).GetString()!);
        }

        return data;
    }
}
