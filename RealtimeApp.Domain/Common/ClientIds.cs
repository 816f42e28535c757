using System.Text.RegularExpressions;

namespace RealtimeApp.Domain.Common;

/// <summary>
/// Ids a client makes up for a write so that sending it again (after a timeout or a reconnect) cannot store it twice:
/// 1 to 64 characters of letters, digits, '_' and '-', so a UUID fits with or without its dashes.
/// </summary>
public static partial class ClientIds
{
    public const int MaxLength = 64;

    /// <summary>What a valid id looks like, for error messages.</summary>
    public const string Rule = "1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'";

    public static bool IsValid(string? clientId) => clientId is not null && Pattern().IsMatch(clientId);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
