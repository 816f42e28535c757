namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>What a token's name and expiry must satisfy; messages are shown as they are in the UI and the CLI.</summary>
public static class ApiTokenRules
{
    public const int MaxNameLength = 64;
    public const int MaxExpiryDays = 3650;

    /// <summary>The trimmed name, or the problem with it.</summary>
    public static (string? Name, string? Error) CheckName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return (null, "Name is required.");
        }

        if (trimmed.Length > MaxNameLength)
        {
            return (null, $"Name must be at most {MaxNameLength} characters.");
        }

        return trimmed.Any(char.IsControl) ? (null, "Name must not contain control characters.") : (trimmed, null);
    }

    /// <summary>Null when <paramref name="expiresAt"/> is acceptable: none, or in the future and at most ten years away.</summary>
    public static string? CheckExpiry(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is null)
        {
            return null;
        }

        if (expiresAt <= now)
        {
            return "Expiry must be in the future.";
        }

        return expiresAt > now.AddDays(MaxExpiryDays) ? $"Expiry must be within {MaxExpiryDays} days." : null;
    }

    /// <summary>Null when <paramref name="days"/> is a whole number of days from 1 to <see cref="MaxExpiryDays"/>.</summary>
    public static string? CheckExpiryDays(int days) =>
        days is < 1 or > MaxExpiryDays ? $"Expiry must be 1 to {MaxExpiryDays} days." : null;
}
