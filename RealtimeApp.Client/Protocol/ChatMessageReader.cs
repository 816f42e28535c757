using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using RealtimeApp.Client.Api;

namespace RealtimeApp.Client.Protocol;

/// <summary>
/// Reads a <c>chat.onMessage</c> event, the client's hottest path: a message exactly as the server writes one (every
/// member, in its order, no whitespace, no escapes) by its fixed layout, anything else through the serializer, which
/// reads any valid layout and rejects what is not a message. One reader serves one subscription, one event at a time:
/// the room's id and the authors' ids and names, which repeat from one message to the next, are decoded once.
/// </summary>
internal sealed class ChatMessageReader
{
    private readonly RepeatedString _roomId = new();
    private readonly RepeatedString _authorId = new();
    private readonly RepeatedString _authorName = new();

    public ChatMessage Read(ReadOnlySpan<byte> json) =>
        TryReadServerLayout(json)
        ?? JsonSerializer.Deserialize(json, ClientJsonContext.Default.ChatMessage)
        ?? throw new JsonException("A chat message is a JSON object, not null.");

    /// <summary>The message, or null when <paramref name="json"/> departs from the server's layout in any way.</summary>
    private ChatMessage? TryReadServerLayout(ReadOnlySpan<byte> json)
    {
        var cursor = new LayoutCursor(json);
        if (cursor.Literal("{\"id\":"u8) && cursor.Int64(out var id)
            && cursor.Literal(",\"roomId\":"u8) && cursor.String(out var roomId, _roomId)
            && cursor.Literal(",\"sequence\":"u8) && cursor.Int64(out var sequence)
            && cursor.Literal(",\"authorId\":"u8) && cursor.String(out var authorId, _authorId)
            && cursor.Literal(",\"authorName\":"u8) && cursor.String(out var authorName, _authorName)
            && cursor.Literal(",\"text\":"u8) && cursor.String(out var text)
            && cursor.Literal(",\"postedAt\":"u8) && cursor.Date(out var postedAt)
            && cursor.Literal(",\"editedAt\":"u8) && cursor.NullableDate(out var editedAt)
            && cursor.Literal(",\"isDeleted\":"u8) && cursor.Boolean(out var isDeleted)
            && cursor.Literal(",\"mentions\":"u8) && cursor.StringArray(out var mentions)
            && cursor.Literal(",\"clientId\":"u8) && cursor.NullableString(out var clientId)
            && cursor.Literal("}"u8) && cursor.AtEnd)
        {
            return new ChatMessage(id, roomId, sequence, authorId, authorName, text, postedAt, editedAt, isDeleted, mentions, clientId);
        }

        return null;
    }

    /// <summary>
    /// Walks a JSON text that must match the layout step by step; every step is false, leaving the rest to the
    /// serializer, on anything it does not read exactly as the serializer would.
    /// </summary>
    private ref struct LayoutCursor(ReadOnlySpan<byte> json)
    {
        private ReadOnlySpan<byte> _rest = json;

        public readonly bool AtEnd => _rest.IsEmpty;

        public bool Literal(ReadOnlySpan<byte> literal)
        {
            if (!_rest.StartsWith(literal))
            {
                return false;
            }

            _rest = _rest[literal.Length..];
            return true;
        }

        /// <summary>A non-negative integer as JSON writes one: no sign, no leading zero, no fraction or exponent.</summary>
        public bool Int64(out long value)
        {
            value = 0;
            var digits = _rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
            if (digits <= 0 || (digits > 1 && _rest[0] == '0') || !Utf8Parser.TryParse(_rest[..digits], out value, out _))
            {
                return false;
            }

            _rest = _rest[digits..];
            return true;
        }

        /// <summary>A string without escapes or control characters, in valid UTF-8; <paramref name="last"/>'s string when it is the same.</summary>
        public bool String(out string value, RepeatedString? last = null)
        {
            value = "";
            if (!Quoted(out var content))
            {
                return false;
            }

            if (last?.Matches(content) == true)
            {
                value = last.Value;
                return true;
            }

            if (content.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || !Utf8.IsValid(content))
            {
                return false;
            }

            value = Encoding.UTF8.GetString(content);
            last?.Remember(content, value);
            return true;
        }

        public bool NullableString(out string? value)
        {
            value = null;
            return Literal("null"u8) || String(out value);
        }

        public bool Date(out DateTimeOffset value)
        {
            value = default;
            var start = _rest;
            if (!Quoted(out _))
            {
                return false;
            }

            // The serializer's own reading of the quoted token, so that every format it accepts reads the same.
            var reader = new Utf8JsonReader(start[..(start.Length - _rest.Length)]);
            return reader.Read() && reader.TryGetDateTimeOffset(out value);
        }

        public bool NullableDate(out DateTimeOffset? value)
        {
            value = null;
            if (Literal("null"u8))
            {
                return true;
            }

            if (!Date(out var date))
            {
                return false;
            }

            value = date;
            return true;
        }

        public bool Boolean(out bool value)
        {
            value = Literal("true"u8);
            return value || Literal("false"u8);
        }

        public bool StringArray(out IReadOnlyList<string> values)
        {
            values = [];
            if (!Literal("["u8))
            {
                return false;
            }

            if (Literal("]"u8))
            {
                return true;
            }

            var list = new List<string>();
            do
            {
                if (!String(out var value))
                {
                    return false;
                }

                list.Add(value);
            }
            while (Literal(","u8));

            values = list;
            return Literal("]"u8);
        }

        /// <summary>A string's raw content, between its quotes; false when it has an escape.</summary>
        private bool Quoted(out ReadOnlySpan<byte> content)
        {
            content = default;
            if (_rest.IsEmpty || _rest[0] != '"')
            {
                return false;
            }

            var length = _rest[1..].IndexOfAny((byte)'"', (byte)'\\');
            if (length < 0 || _rest[1 + length] != '"')
            {
                return false;
            }

            content = _rest.Slice(1, length);
            _rest = _rest[(length + 2)..];
            return true;
        }
    }

    /// <summary>The last value read for one member, with its UTF-8 bytes to recognise it next time.</summary>
    private sealed class RepeatedString
    {
        private byte[] _utf8 = [];

        public string Value { get; private set; } = "";

        public bool Matches(ReadOnlySpan<byte> utf8) => utf8.SequenceEqual(_utf8);

        public void Remember(ReadOnlySpan<byte> utf8, string value)
        {
            _utf8 = utf8.ToArray();
            Value = value;
        }
    }
}
