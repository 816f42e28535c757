namespace RealtimeApp.Web.Features.Users.Administration;

/// <summary>What an administrator enters to create an account.</summary>
public sealed record NewUser(string? Email, string? Password, string? Role);
