namespace RealtimeApp.Web.Features.Users.Administration;

/// <summary>Field messages for a <see cref="NewUser"/> (Identity's own wording); all null when it can be created.</summary>
public sealed record NewUserIssues(string? Email, string? Password, string? Role)
{
    public static NewUserIssues None { get; } = new(null, null, null);

    public bool Any => Email is not null || Password is not null || Role is not null;

    public string Summary => string.Join(" ", new[] { Email, Password, Role }.OfType<string>());
}
