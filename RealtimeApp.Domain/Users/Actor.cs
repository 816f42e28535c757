namespace RealtimeApp.Domain.Users;

/// <summary>Who is acting: the signed-in user of a circuit or the owner of an API token.</summary>
public sealed record Actor(string UserId, string DisplayName, IReadOnlySet<string> Roles)
{
    public bool IsAdmin => Roles.Contains(Users.Roles.Admin);
}
