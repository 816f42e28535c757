using System.ComponentModel.DataAnnotations;

namespace RealtimeApp.Web.Features.Rooms.Api;

/// <summary><c>rooms.join</c> and <c>rooms.leave</c>.</summary>
public sealed record RoomInput([property: Required(ErrorMessage = "Required")] string RoomId);

/// <summary><c>rooms.create</c> (admins only).</summary>
public sealed record CreateRoomInput(
    [property: Required(ErrorMessage = "Required")] string Name,
    string? Topic = null,
    bool? IsPrivate = null);
