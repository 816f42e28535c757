namespace RealtimeApp.Domain.Chat;

public enum RoomRole
{
    Member = 0,
    Moderator = 1,
}
