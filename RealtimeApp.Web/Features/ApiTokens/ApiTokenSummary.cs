namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>A token as lists show it: never the secret or its hash.</summary>
public sealed record ApiTokenSummary(
    int Id,
    string UserId,
    string? UserEmail,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    ApiTokenStatus Status);
