namespace RealtimeApp.Web.Features.Users.Administration;

/// <summary>A page of users whose email contains <paramref name="Search"/>, ordered by email; pages count from 0.</summary>
public sealed record UserQuery(string? Search = null, int Page = 0, int PageSize = 25);
