namespace RealtimeApp.Web.Features.Users.Administration;

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total);
