using System.Text;
using System.Text.Json;
using CsCheck;
using RealtimeApp.Client.Protocol;
using RealtimeApp.Tests.Realtime.Fuzzing;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Realtime.Protocol;
using ChatMessage = RealtimeApp.Client.Api.ChatMessage;

namespace RealtimeApp.Tests.Client;

/// <summary>
/// The client's reading of <c>chat.onMessage</c> events: whatever the server writes reads back as the message it sent,
/// and the fast path for the server's own layout never reads anything differently from the serializer.
/// </summary>
public sealed class ChatMessageReaderTests
{
    /// <summary>Any text the server stores: valid UTF-16 (lone surrogates are refused at the door), quotes, escapes and all.</summary>
    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.OneOf(Gen.Char['\0', '\uD7FF'], Gen.Char['\uE000', '\uFFFF']).Array[0, 30].Select(chars => new string(chars)),
        Gen.Char.AlphaNumeric.Array[0, 40].Select(chars => new string(chars)),
        Gen.OneOf<string>("", "a \"quoted\" word", "back\\slash", "tab\there", "line\nbreak", "é ü 漢字", "emoji 🙂🚀", "<img src=x onerror=alert(1)>", "\u0001\u007f"));

    private static readonly Gen<DateTimeOffset> Dates = Gen.Select(
        Gen.Long[DateTimeOffset.UnixEpoch.Ticks, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).Ticks],
        Gen.Int[-14 * 4, 14 * 4],
        (ticks, quarterHours) => new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(15 * quarterHours)));

    private static readonly Gen<(long Id, string RoomId, long Sequence, string AuthorId, string AuthorName)> Heads =
        Gen.Select(Gen.Long[0, long.MaxValue], Texts, Gen.Long[1, long.MaxValue], Texts, Texts);

    private static readonly Gen<ChatMessageView> Views = Gen.Select(
        Heads,
        Texts,
        Dates,
        Gen.Select(Dates, Gen.Bool, (date, edited) => edited ? date : (DateTimeOffset?)null),
        Gen.Bool,
        Texts.Array[0, 4],
        Gen.Select(Texts, Gen.Bool, (id, given) => given ? id : null),
        (head, text, postedAt, editedAt, isDeleted, mentions, clientId) => new ChatMessageView(
            head.Id, head.RoomId, head.Sequence, head.AuthorId, head.AuthorName, text, postedAt, editedAt, isDeleted, mentions, clientId));

    [Fact]
    public void AnyMessageTheServerWrites_ReadsBackAsSent() =>
        Views.Sample(view =>
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(view, ProcedureJson.Options);

            ShouldBeTheSame(new ChatMessageReader().Read(json), ClientMessage(view));
        }, time: FuzzBudget.Seconds, threads: FuzzBudget.Threads);

    [Fact]
    public void OneSubscriptionsMessages_ReadOneAfterAnother_EachReadBackAsSent() =>
        Gen.Select(Texts.Array[1, 3], Texts.Array[1, 3], Views.Array[1, 30], (rooms, authors, views) => views
            .Select((view, index) => view with { RoomId = rooms[index % rooms.Length], AuthorId = authors[index % authors.Length], AuthorName = authors[(index + 1) % authors.Length] })
            .ToArray()).Sample(views =>
        {
            var reader = new ChatMessageReader();
            foreach (var view in views)
            {
                ShouldBeTheSame(reader.Read(JsonSerializer.SerializeToUtf8Bytes(view, ProcedureJson.Options)), ClientMessage(view));
            }
        }, time: FuzzBudget.Seconds, threads: FuzzBudget.Threads);

    [Fact]
    public void AnyMutatedMessage_ReadsAsTheSerializerReadsIt_OrFailsAsItDoes() =>
        Gen.Select(Views, Gen.Int[0, 400].Array[1, 4], Gen.Byte.Array[1, 4], (view, positions, bytes) =>
            HostileJson.Mutate(JsonSerializer.SerializeToUtf8Bytes(view, ProcedureJson.Options), positions, bytes)).Sample(json =>
        {
            var bySerializer = Attempt(() => JsonSerializer.Deserialize(json, ClientJsonContext.Default.ChatMessage));
            var byReader = Attempt(() => new ChatMessageReader().Read(json));

            if (bySerializer.Message is { } expected)
            {
                byReader.Failure.ShouldBeNull();
                ShouldBeTheSame(byReader.Message!, expected);
            }
            else
            {
                byReader.Failure.ShouldBeAssignableTo<JsonException>();
            }
        }, time: FuzzBudget.Seconds, threads: FuzzBudget.Threads);

    [Fact]
    public void MembersInAnotherOrder_WithUnknownOnesAndWhitespace_AreRead()
    {
        var json = """
            { "clientId": "c-1", "future": {"nested": [1, 2]}, "mentions": ["u-2"], "isDeleted": true, "editedAt": "2026-03-02T12:05:00Z",
              "postedAt": "2026-03-02T12:00:00.123+01:00", "text": "deploy \"done\"", "authorName": "Ana", "authorId": "u-1",
              "sequence": 42, "roomId": "general", "id": 118 }
            """;

        var message = new ChatMessageReader().Read(Encoding.UTF8.GetBytes(json));

        ShouldBeTheSame(message, new ChatMessage(
            118, "general", 42, "u-1", "Ana", "deploy \"done\"", new DateTimeOffset(2026, 3, 2, 12, 0, 0, 123, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 3, 2, 12, 5, 0, TimeSpan.Zero), IsDeleted: true, ["u-2"], "c-1"));
    }

    [Theory]
    [InlineData("""{"id":1,"sequence":1,"authorId":"a","authorName":"A","text":"t","postedAt":"2026-03-02T12:00:00Z"}""", "roomId")]
    [InlineData("""{"id":1,"roomId":"r","sequence":1,"authorId":"a","authorName":"A","text":"t"}""", "postedAt")]
    [InlineData("""{"id":1,"roomId":null,"sequence":1,"authorId":"a","authorName":"A","text":"t","postedAt":"2026-03-02T12:00:00Z"}""", "roomId")]
    public void AMessageWithoutARequiredMember_IsRefused_NamingIt(string json, string member)
    {
        var refusal = Should.Throw<JsonException>(() => new ChatMessageReader().Read(Encoding.UTF8.GetBytes(json)));

        refusal.Message.ShouldContain(member);
    }

    [Theory]
    [InlineData("""{"id":"1","roomId":"r","sequence":1,"authorId":"a","authorName":"A","text":"t","postedAt":"2026-03-02T12:00:00Z"}""")]
    [InlineData("""{"id":1,"roomId":"r","sequence":1.5,"authorId":"a","authorName":"A","text":"t","postedAt":"2026-03-02T12:00:00Z"}""")]
    [InlineData("""{"id":1,"roomId":"r","sequence":1,"authorId":"a","authorName":"A","text":"t","postedAt":"yesterday"}""")]
    [InlineData("""{"id":1,"roomId":"r","sequence":1,"authorId":"a","authorName":"A","text":"t","postedAt":"2026-03-02T12:00:00Z","mentions":"u-1"}""")]
    [InlineData("""{"id":1,"roomId":"r","sequence":1,"authorId":"a","authorName":"A","text":"t","postedAt":"2026-03-02T12:00:00Z","mentions":[null]}""")]
    [InlineData("""{"id":1,"roomId":"r","sequence":1,"authorId":"a","authorName":"A","text":"\ud800","postedAt":"2026-03-02T12:00:00Z"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""null""")]
    public void AMemberOfTheWrongType_IsAJsonException(string json) =>
        Should.Throw<JsonException>(() => new ChatMessageReader().Read(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void WrittenByTheClient_ReadsBackAsTheSameMessage()
    {
        var message = new ChatMessage(7, "r", 3, "a", "A", "hi", DateTimeOffset.UnixEpoch, EditedAt: null, IsDeleted: false, ["u-1", "u-2"], ClientId: null);

        var json = JsonSerializer.SerializeToUtf8Bytes(message, ClientJsonContext.Default.ChatMessage);

        ShouldBeTheSame(new ChatMessageReader().Read(json), message);
        Encoding.UTF8.GetString(json).ShouldNotContain("clientId");
    }

    private static ChatMessage ClientMessage(ChatMessageView view) => new(
        view.Id, view.RoomId, view.Sequence, view.AuthorId, view.AuthorName, view.Text, view.PostedAt, view.EditedAt, view.IsDeleted, view.Mentions, view.ClientId);

    private static void ShouldBeTheSame(ChatMessage actual, ChatMessage expected)
    {
        actual.Mentions.ShouldBe(expected.Mentions);
        (actual with { Mentions = [] }).ShouldBe(expected with { Mentions = [] });
        actual.PostedAt.Offset.ShouldBe(expected.PostedAt.Offset);
    }

    private static (ChatMessage? Message, Exception? Failure) Attempt(Func<ChatMessage?> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }
}
