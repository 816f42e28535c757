namespace RealtimeApp.Web.Features.Audit;

/// <summary>The action names written to the audit log (filters and operators rely on them).</summary>
public static class AuditActions
{
    public const string UserCreated = "user.created";
    public const string RoleAdded = "user.role_added";
    public const string RoleRemoved = "user.role_removed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string ConnectionDisconnected = "connection.disconnected";
    public const string RoomCreated = "room.created";
    public const string RoomUpdated = "room.updated";
    public const string RoomArchived = "room.archived";
    public const string RoomRestored = "room.restored";
    public const string RoomMemberSet = "room.member_set";
    public const string RoomMemberRemoved = "room.member_removed";
    public const string TokenRevoked = "token.revoked";
    public const string RateLimitDefaultChanged = "ratelimit.default_changed";
    public const string RateLimitOverrideChanged = "ratelimit.override_changed";
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignInLockedOut = "signin.lockedout";

    public static IReadOnlyList<string> All { get; } =
    [
        UserCreated, RoleAdded, RoleRemoved, UserLocked, UserUnlocked, ConnectionDisconnected,
        RoomCreated, RoomUpdated, RoomArchived, RoomRestored, RoomMemberSet, RoomMemberRemoved, TokenRevoked,
        RateLimitDefaultChanged, RateLimitOverrideChanged, SignInSucceeded, SignInFailed, SignInLockedOut,
    ];
}
