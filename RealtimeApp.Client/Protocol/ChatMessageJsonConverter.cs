using System.Text.Json;
using System.Text.Json.Serialization;
using RealtimeApp.Client.Api;

namespace RealtimeApp.Client.Protocol;

/// <summary>
/// Reads and writes <see cref="ChatMessage"/> in one pass of the reader, the way the server writes it (camelCase,
/// nulls left out or written as null, members in any order, unknown members skipped). Every <c>chat.onMessage</c>
/// event is one of these: the serializer's path for an eleven-parameter constructor (each argument boxed into a cache
/// first) was a fifth of a subscriber's CPU (docs/benchmarks.md).
/// </summary>
internal sealed class ChatMessageJsonConverter : JsonConverter<ChatMessage>
{
    public override ChatMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A chat message is a JSON object, not {reader.TokenType}.");
        }

        long? id = null;
        long? sequence = null;
        string? roomId = null;
        string? authorId = null;
        string? authorName = null;
        string? text = null;
        string? clientId = null;
        DateTimeOffset? postedAt = null;
        DateTimeOffset? editedAt = null;
        var isDeleted = false;
        IReadOnlyList<string> mentions = [];
        var member = ChatMessageMember.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            member = Member(ref reader, member);
            reader.Read();
            switch (member)
            {
                case ChatMessageMember.Id: id = reader.GetInt64(); break;
                case ChatMessageMember.RoomId: roomId = reader.GetString(); break;
                case ChatMessageMember.Sequence: sequence = reader.GetInt64(); break;
                case ChatMessageMember.AuthorId: authorId = reader.GetString(); break;
                case ChatMessageMember.AuthorName: authorName = reader.GetString(); break;
                case ChatMessageMember.Text: text = reader.GetString(); break;
                case ChatMessageMember.PostedAt: postedAt = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset(); break;
                case ChatMessageMember.EditedAt: editedAt = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset(); break;
                case ChatMessageMember.IsDeleted: isDeleted = reader.GetBoolean(); break;
                case ChatMessageMember.Mentions: mentions = ReadMentions(ref reader); break;
                case ChatMessageMember.ClientId: clientId = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        return new ChatMessage(
            id ?? throw Missing("id"),
            roomId ?? throw Missing("roomId"),
            sequence ?? throw Missing("sequence"),
            authorId ?? throw Missing("authorId"),
            authorName ?? throw Missing("authorName"),
            text ?? throw Missing("text"),
            postedAt ?? throw Missing("postedAt"),
            editedAt,
            isDeleted,
            mentions,
            clientId);
    }

    public override void Write(Utf8JsonWriter writer, ChatMessage value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, value.Id);
        writer.WriteString("roomId"u8, value.RoomId);
        writer.WriteNumber("sequence"u8, value.Sequence);
        writer.WriteString("authorId"u8, value.AuthorId);
        writer.WriteString("authorName"u8, value.AuthorName);
        writer.WriteString("text"u8, value.Text);
        writer.WriteString("postedAt"u8, value.PostedAt);
        if (value.EditedAt is { } editedAt)
        {
            writer.WriteString("editedAt"u8, editedAt);
        }

        writer.WriteBoolean("isDeleted"u8, value.IsDeleted);
        writer.WriteStartArray("mentions"u8);
        foreach (var mention in value.Mentions)
        {
            writer.WriteStringValue(mention);
        }

        writer.WriteEndArray();
        if (value.ClientId is { } clientId)
        {
            writer.WriteString("clientId"u8, clientId);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The member the reader is on, trying first the one the server writes after <paramref name="previous"/>, so that a
    /// message in the server's order costs one comparison per member.
    /// </summary>
    private static ChatMessageMember Member(ref Utf8JsonReader reader, ChatMessageMember previous)
    {
        var expected = previous + 1;
        if (expected < ChatMessageMember.Unknown && reader.ValueTextEquals(Names[(int)expected]))
        {
            return expected;
        }

        for (var member = ChatMessageMember.Id; member < ChatMessageMember.Unknown; member++)
        {
            if (reader.ValueTextEquals(Names[(int)member]))
            {
                return member;
            }
        }

        return ChatMessageMember.Unknown;
    }

    private static IReadOnlyList<string> ReadMentions(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A chat message's mentions are an array of user ids, not {reader.TokenType}.");
        }

        List<string>? mentions = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            (mentions ??= []).Add(reader.GetString() ?? throw new JsonException("A chat message's mention is a user id, not null."));
        }

        return mentions is null ? [] : mentions;
    }

    private static readonly byte[][] Names =
    [
        "id"u8.ToArray(), "roomId"u8.ToArray(), "sequence"u8.ToArray(), "authorId"u8.ToArray(), "authorName"u8.ToArray(), "text"u8.ToArray(),
        "postedAt"u8.ToArray(), "editedAt"u8.ToArray(), "isDeleted"u8.ToArray(), "mentions"u8.ToArray(), "clientId"u8.ToArray(),
    ];

    private static JsonException Missing(string member) => new($"The chat message has no '{member}'.");

    /// <summary>The members in the order the server writes them; <see cref="Names"/> holds their names in that order.</summary>
    private enum ChatMessageMember
    {
        None = -1,
        Id,
        RoomId,
        Sequence,
        AuthorId,
        AuthorName,
        Text,
        PostedAt,
        EditedAt,
        IsDeleted,
        Mentions,
        ClientId,
        Unknown,
    }
}
