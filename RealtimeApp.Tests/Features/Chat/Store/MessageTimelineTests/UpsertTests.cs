using System.Collections.Immutable;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Chat.Store;
using static RealtimeApp.Tests.Features.Chat.Support.ChatSamples;

namespace RealtimeApp.Tests.Features.Chat.Store.MessageTimelineTests;

public sealed class UpsertTests
{
    [Fact]
    public void Upsert_KeepsSequenceOrder_WhenMessagesArriveOutOfOrder()
    {
        var timeline = ImmutableList<ChatMessageView>.Empty;

        foreach (var sequence in new long[] { 5, 2, 9, 1, 7 })
        {
            timeline = MessageTimeline.Upsert(timeline, Message(sequence));
        }

        timeline.Select(m => m.Sequence).ShouldBe([1L, 2L, 5L, 7L, 9L]);
    }

    [Fact]
    public void Upsert_KeepsOneCopy_WhenSameSequenceArrivesTwice()
    {
        var timeline = ImmutableList.Create(Message(1), Message(2), Message(3));

        var upserted = MessageTimeline.Upsert(timeline, Message(2, text: "again"));

        upserted.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L]);
        upserted[1].Text.ShouldBe("again");
    }

    [Fact]
    public void Replace_ChangesTheMessage_WhenSequenceIsPresent()
    {
        var timeline = ImmutableList.Create(Message(1), Message(2));

        var replaced = MessageTimeline.Replace(timeline, Message(2, text: "edited"));

        replaced.Select(m => m.Text).ShouldBe(["message 1", "edited"]);
    }

    [Fact]
    public void Replace_ReturnsSameList_WhenSequenceIsAbsent()
    {
        var timeline = ImmutableList.Create(Message(1), Message(2));

        var replaced = MessageTimeline.Replace(timeline, Message(3));

        replaced.ShouldBeSameAs(timeline);
    }

    [Fact]
    public void Merge_InterleavesWithoutDuplicates_WhenPagesOverlap()
    {
        var timeline = ImmutableList.Create(Message(4), Message(5), Message(6));

        var merged = MessageTimeline.Merge(timeline, [Message(1), Message(2), Message(3), Message(4)]);

        merged.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L, 4L, 5L, 6L]);
    }
}
