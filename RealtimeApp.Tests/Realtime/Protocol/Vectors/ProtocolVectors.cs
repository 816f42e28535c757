using System.Text.Json;

namespace RealtimeApp.Tests.Realtime.Protocol.Vectors;

/// <summary>Frames taken from the reference captures (shared/trpc-reference), adapted to the test procedures.</summary>
public static class ProtocolVectors
{
    public static TheoryData<string, string, string> ParseErrors() => Load("parse-errors.jsonl", "message");

    public static TheoryData<string, string, string> Successes() => Load("success.jsonl", "expect");

    /// <summary>Every frame the vectors send, well formed or not (seeds for the fuzzing tests).</summary>
    public static IReadOnlyList<string> SentFrames() =>
        [.. Read("success.jsonl", "expect").Concat(Read("parse-errors.jsonl", "message")).Select(vector => vector.Send)];

    private static TheoryData<string, string, string> Load(string file, string expectedKey)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (name, send, expected) in Read(file, expectedKey))
        {
            data.Add(name, send, expected);
        }

        return data;
    }

    private static IEnumerable<(string Case, string Send, string Expected)> Read(string file, string expectedKey)
    {
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Realtime", "Protocol", "Vectors", file)))
        {
            using var vector = JsonDocument.Parse(line);
            var root = vector.RootElement;
            yield return (root.GetProperty("case").GetString()!, root.GetProperty("send").GetString()!, root.GetProperty(expectedKey).GetString()!);
        }
    }
}
