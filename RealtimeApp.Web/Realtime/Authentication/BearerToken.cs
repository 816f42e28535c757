namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>Reads the token of an <c>Authorization: Bearer …</c> header.</summary>
public static class BearerToken
{
    private const string Prefix = "Bearer ";

    /// <summary>The token, or null when the header is missing, has another scheme or carries no token.</summary>
    public static string? FromAuthorization(string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Prefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
