using RealtimeApp.Domain.Chat;

namespace RealtimeApp.Web.Features.Rooms;

public sealed record RoomMemberRow(string UserId, string Email, RoomRole Role);
