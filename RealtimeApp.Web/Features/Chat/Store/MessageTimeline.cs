using System.Collections.Immutable;

namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>Keeps a room's messages ordered by sequence with each sequence once, whatever order they arrive in.</summary>
public static class MessageTimeline
{
    public static ImmutableList<ChatMessageView> Upsert(ImmutableList<ChatMessageView> messages, ChatMessageView message)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(message);

        if (messages.IsEmpty || messages[^1].Sequence < message.Sequence)
        {
            return messages.Add(message);
        }

        var index = IndexOf(messages, message.Sequence);
        return index >= 0 ? messages.SetItem(index, message) : messages.Insert(~index, message);
    }

    public static ImmutableList<ChatMessageView> Replace(ImmutableList<ChatMessageView> messages, ChatMessageView message)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(message);

        var index = IndexOf(messages, message.Sequence);
        return index >= 0 ? messages.SetItem(index, message) : messages;
    }

    public static ImmutableList<ChatMessageView> Merge(ImmutableList<ChatMessageView> messages, IEnumerable<ChatMessageView> more)
    {
        ArgumentNullException.ThrowIfNull(more);

        return more.Aggregate(messages, Upsert);
    }

    private static int IndexOf(ImmutableList<ChatMessageView> messages, long sequence)
    {
        int low = 0, high = messages.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var current = messages[middle].Sequence;
            if (current == sequence)
            {
                return middle;
            }

            if (current < sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
