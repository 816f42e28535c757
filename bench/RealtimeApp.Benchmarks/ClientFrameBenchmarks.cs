using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RealtimeApp.Client.Api;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Benchmarks;

/// <summary>
/// What one <c>chat.onMessage</c> event costs RealtimeApp.Client before the caller sees it: reading the frame, and
/// reading the message out of it into the typed record.
/// </summary>
[MemoryDiagnoser]
public class ClientFrameBenchmarks
{
    private static readonly byte[] Frame = Encoding.UTF8.GetBytes(
        """{"id":1,"result":{"type":"data","data":{"id":"4242","data":{"id":98765,"roomId":"0f8fad5b-d9cb-469f-a165-70867728950e","sequence":4242,"authorId":"9a1b2c3d-4e5f-6789-abcd-ef0123456789","authorName":"loadbench@example.com","text":"t123456789012345","postedAt":"2026-12-07T16:00:00.1234567+00:00","editedAt":null,"isDeleted":false,"mentions":[],"clientId":null}},"id":"4242"}}""");

    private readonly ChatMessageReader _reader = new();

    [Benchmark(Baseline = true)]
    public long Parse() => ServerFrame.Parse(Frame).Payload!.Value.Length;

    [Benchmark]
    public ChatMessage ParseAndRead() => _reader.Read(ServerFrame.Parse(Frame).Payload!.Value.Span);

    /// <summary>The same message through the serializer (the path for any layout other than the server's own).</summary>
    [Benchmark]
    public ChatMessage ParseAndReadBySerializer() => JsonSerializer.Deserialize(ServerFrame.Parse(Frame).Payload!.Value.Span, ClientJsonContext.Default.ChatMessage)!;
}
