using System.Text;
using CsCheck;
using RealtimeApp.Tests.Realtime.Protocol.Vectors;

namespace RealtimeApp.Tests.Realtime.Fuzzing;

/// <summary>
/// Generators of what a hostile or broken client sends: JSON text (valid or not) full of escapes (lone surrogates
/// included), raw and invalid UTF-8, huge numbers, deep nesting, duplicate keys and wrong types, shaped like tRPC
/// requests or not, and the protocol captures with bytes flipped, inserted, dropped or cut off.
/// </summary>
public static class HostileJson
{
    /// <summary>Property names a request or an input might use, so generated objects hit the fields parsers read.</summary>
    public static readonly string[] FieldNames =
    [
        "id", "jsonrpc", "method", "params", "path", "input", "lastEventId", "data", "token", "roomId", "text", "taskId",
        "agentId", "sequence", "before", "limit", "query", "name", "kind", "progress", "status", "messageId", "0", "1",
    ];

    private static readonly string[] StringPieces =
    [
        "a", "general", "query", "mutation", "subscription", "subscription.stop", "2.0", "chat.send", " ", "é", "😀", "\u0000",
        "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u0041", "\\u0000", "\\ud800", "\\udc00", "\\udbff", "\\ud83d\\ude00",
        "\\ud83d", "\\ude00\\ud83d", "\\x", "\\u12", "\\", "\"",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "42", "1.5", "1e3", "1e999999", "-1e-999999", "123456789012345678901234567890", "9007199254740993",
        "2147483648", "-9223372036854775809", "0.0000000000000000000001", "01", "1.", ".5", "NaN", "Infinity", "+1",
    ];

    /// <summary>A JSON string literal, quotes included, whose body mixes plain text, valid and invalid escapes.</summary>
    public static readonly Gen<string> StringLiteral =
        Gen.OneOf(StringPieces).Array[0, 6].Select(pieces => "\"" + string.Concat(pieces) + "\"");

    /// <summary>Any JSON value (and some near misses), nested up to a few levels, objects keyed from <see cref="FieldNames"/>.</summary>
    public static readonly Gen<string> Value = Gen.Recursive<string>((depth, value) =>
    {
        var scalar = Gen.OneOf(Gen.OneOf(Numbers), Gen.OneOf("true", "false", "null", "tru", "nul", ""), StringLiteral);
        if (depth > 3)
        {
            return scalar;
        }

        var array = value.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]");
        var member = Gen.Select(Gen.OneOf(Gen.OneOf(FieldNames).Select(name => "\"" + name + "\""), StringLiteral), value, (key, v) => key + ":" + v);
        var obj = member.Array[0, 5].Select(members => "{" + string.Join(",", members) + "}");
        return Gen.Frequency((4, scalar), (2, array), (3, obj));
    });

    /// <summary>Objects and batches shaped like tRPC requests, each field present or not, right or wrong.</summary>
    public static readonly Gen<string> RequestLike = Gen.Select(
        Gen.OneOf(Gen.Const(""), Value.Select(v => "\"id\":" + v), Gen.Int[0, 100].Select(i => "\"id\":" + i)),
        Gen.OneOf(Gen.Const(""), Gen.Const("\"jsonrpc\":\"2.0\""), Value.Select(v => "\"jsonrpc\":" + v)),
        Gen.OneOf(Gen.OneOf("query", "mutation", "subscription", "subscription.stop").Select(m => "\"method\":\"" + m + "\""), Value.Select(v => "\"method\":" + v)),
        Gen.OneOf(Gen.Const(""), Value.Select(v => "\"path\":" + v), Gen.OneOf("echo", "fast", "chat.send", "progress").Select(p => "\"path\":\"" + p + "\"")),
        Gen.OneOf(Gen.Const(""), Value.Select(v => "\"input\":" + v), Value.Select(v => "\"lastEventId\":" + v)),
        (id, jsonRpc, method, path, input) =>
            "{" + string.Join(",", new[] { id, jsonRpc, method, "\"params\":{" + string.Join(",", new[] { path, input }.Where(p => p.Length > 0)) + "}" }.Where(p => p.Length > 0)) + "}")
        .Array[1, 3].Select(requests => requests.Length == 1 ? requests[0] : "[" + string.Join(",", requests) + "]");

    /// <summary>The protocol captures' frames, as sent.</summary>
    public static readonly Gen<byte[]> Captured = Gen.OneOf([.. ProtocolVectors.SentFrames().Select(Encoding.UTF8.GetBytes)]);

    /// <summary>A capture with a few bytes flipped, inserted or removed, or cut short.</summary>
    public static readonly Gen<byte[]> MutatedCapture = Gen.Select(Captured, Gen.Int[0, 1_000].Array[1, 4], Gen.Byte.Array[1, 4], Mutate);

    /// <summary>Everything above, plus bytes at random (invalid UTF-8 included) and nesting deeper than any parser allows.</summary>
    public static readonly Gen<byte[]> Frame = Gen.Frequency(
        (4, RequestLike.Select(Encoding.UTF8.GetBytes)),
        (2, Value.Select(Encoding.UTF8.GetBytes)),
        (3, MutatedCapture),
        (1, Gen.Byte.Array[0, 200]),
        (1, Gen.Int[0, 300].Select(depth => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)))));

    /// <summary><paramref name="frame"/> with a byte flipped, inserted or removed, or the rest cut off, at each position.</summary>
    public static byte[] Mutate(byte[] frame, int[] positions, byte[] bytes)
    {
        var mutated = new List<byte>(frame);
        for (var i = 0; i < positions.Length && mutated.Count > 0; i++)
        {
            var at = positions[i] % mutated.Count;
            switch (positions[i] % 4)
            {
                case 0:
                    mutated[at] = bytes[i % bytes.Length];
                    break;
                case 1:
                    mutated.Insert(at, bytes[i % bytes.Length]);
                    break;
                case 2:
                    mutated.RemoveAt(at);
                    break;
                default:
                    mutated.RemoveRange(at, mutated.Count - at);
                    break;
            }
        }

        return [.. mutated];
    }
}
