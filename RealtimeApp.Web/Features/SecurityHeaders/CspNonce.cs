using System.Security.Cryptography;

namespace RealtimeApp.Web.Features.SecurityHeaders;

/// <summary>The request's Content-Security-Policy nonce, made on first use and the same for the whole request.</summary>
public static class CspNonce
{
    private static readonly object _key = new();

    /// <summary>
    /// The nonce for inline scripts of this response (kept in <see cref="HttpContext.Items"/>, so a page re-executed
    /// for an error or a status code gets the one the policy names).
    /// </summary>
    public static string GetCspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (context.Items.TryGetValue(_key, out var value) && value is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[_key] = nonce;
        return nonce;
    }
}
