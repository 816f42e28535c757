using System.ComponentModel.DataAnnotations;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Features.Chat.Api;

/// <summary><c>chat.send</c>; a <see cref="ClientId"/> makes a retry return the original message instead of posting twice.</summary>
public sealed record SendInput(
    [property: Required(ErrorMessage = "Required")] string RoomId,
    [property: Required(ErrorMessage = "Required")] string Text,
    [property: ClientId] string? ClientId = null);

/// <summary><c>chat.history</c>: the <see cref="Limit"/> newest messages before <see cref="BeforeSequence"/> (or the newest of all).</summary>
public sealed record HistoryInput(
    [property: Required(ErrorMessage = "Required")] string RoomId,
    [property: Range(1, long.MaxValue, ErrorMessage = "Must be a positive sequence")] long? BeforeSequence = null,
    [property: Range(1, ChatHistory.MaxPageSize, ErrorMessage = "Must be 1 to 200")] int? Limit = null);

/// <summary><c>chat.edit</c>.</summary>
public sealed record EditInput(
    [property: Required(ErrorMessage = "Required")] string RoomId,
    long Sequence,
    [property: Required(ErrorMessage = "Required")] string Text);

/// <summary><c>chat.delete</c>.</summary>
public sealed record DeleteInput([property: Required(ErrorMessage = "Required")] string RoomId, long Sequence);

/// <summary><c>chat.search</c>.</summary>
public sealed record SearchInput(
    [property: Required(ErrorMessage = "Required")] string RoomId,
    [property: Required(ErrorMessage = "Required")] string Query);

/// <summary><c>chat.onMessage</c> and the root <c>onMessage</c>; <see cref="LastEventId"/> is a sequence, merged from <c>params.lastEventId</c> on resume.</summary>
public sealed record OnMessageInput([property: Required(ErrorMessage = "Required")] string RoomId, string? LastEventId = null);
