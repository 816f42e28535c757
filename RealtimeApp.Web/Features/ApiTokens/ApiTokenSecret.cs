using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>
/// Generates token secrets and hashes them. A secret is <c>rt_</c> plus 32 random bytes in base64url (256 bits from
/// <see cref="RandomNumberGenerator"/>). Because the secret has that much entropy, a single fast SHA-256 is enough:
/// slow password hashes (PBKDF2, bcrypt) defend low-entropy human passwords against guessing, and nobody can guess
/// or brute-force 2^256 possibilities, so they would only make every connection slower. The hash is also what the
/// database is indexed on, which a salted hash would prevent.
/// </summary>
public static class ApiTokenSecret
{
    public const string Marker = "rt_";
    public const int PrefixLength = 8;
    public const int HashLength = 32;
    private const int RandomBytes = 32;

    /// <summary>Length of a well-formed secret: the marker plus 43 base64url characters.</summary>
    public static int SecretLength { get; } = Marker.Length + Base64Url.GetEncodedLength(RandomBytes);

    public static string Generate() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static byte[] Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    public static string PrefixOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret[..Math.Min(PrefixLength, secret.Length)];
    }

    /// <summary>True when <paramref name="secret"/> has the shape of a token this app issues (cheap check before any lookup).</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is not null
        && secret.Length == SecretLength
        && secret.StartsWith(Marker, StringComparison.Ordinal)
        && Base64Url.IsValid(secret.AsSpan(Marker.Length));

    /// <summary>Compares a stored hash with the hash of <paramref name="secret"/> in constant time.</summary>
    public static bool Matches(byte[] storedHash, string secret)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        return CryptographicOperations.FixedTimeEquals(storedHash, Hash(secret));
    }
}
