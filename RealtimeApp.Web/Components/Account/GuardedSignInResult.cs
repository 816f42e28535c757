using Microsoft.AspNetCore.Identity;

namespace RealtimeApp.Web.Components.Account;

/// <summary>Identity's result of a sign-in, or (<see cref="IsRefused"/>) a refusal by the per-address limit before any check.</summary>
public sealed record GuardedSignInResult(SignInResult Result, TimeSpan RetryAfter = default)
{
    public bool IsRefused => RetryAfter > TimeSpan.Zero;

    public static GuardedSignInResult Refused(TimeSpan retryAfter) => new(SignInResult.Failed, retryAfter);

    /// <summary>Whole seconds for the <c>Retry-After</c> header (rounded up, at least 1).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    /// <summary>What the login page says: "Too many failed sign-ins from your address. Try again in N minutes."</summary>
    public string RefusalMessage
    {
        get
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));
            return $"Too many failed sign-ins from your address. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
        }
    }
}
