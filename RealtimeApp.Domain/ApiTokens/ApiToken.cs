namespace RealtimeApp.Domain.ApiTokens;

/// <summary>An API token of one user. Only the SHA-256 of its secret is stored; the secret itself is shown once.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The owner's label, 1–64 characters, unique among the owner's active tokens.</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the secret (e.g. <c>rt_Ab3dE</c>), shown in lists so people can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the secret's UTF-8 bytes.</summary>
    public required byte[] Hash { get; set; }

    /// <summary>What the token may do: <see cref="ApiScopes"/> separated by spaces (<see cref="ApiScopes.All"/> by default).</summary>
    public string Scopes { get; set; } = ApiScopes.All;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
