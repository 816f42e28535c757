using System.ComponentModel.DataAnnotations;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>Chat settings (section <c>Chat</c>).</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>Messages a user may post per minute (a burst of this many, then evenly spread).</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinute { get; set; } = 30;
}
