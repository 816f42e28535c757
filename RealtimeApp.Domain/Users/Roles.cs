namespace RealtimeApp.Domain.Users;

/// <summary>The roles the app knows. Every user has at least one of them.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";

    public static IReadOnlyList<string> All { get; } = [Admin, Staff];

    /// <summary>Returns the canonical spelling of <paramref name="name"/>, or null when no such role exists.</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(role => string.Equals(role, name, StringComparison.OrdinalIgnoreCase));
}
