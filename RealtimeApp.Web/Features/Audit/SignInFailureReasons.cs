namespace RealtimeApp.Web.Features.Audit;

/// <summary>
/// Why a sign-in failed, as recorded in a <see cref="AuditActions.SignInFailed"/> entry. Only the audit log tells them
/// apart: the person signing in sees the same message for all but the rate limit, so the page never reveals whether an
/// account exists.
/// </summary>
public static class SignInFailureReasons
{
    public const string UnknownAccount = "unknown_account";
    public const string WrongPassword = "wrong_password";
    public const string WrongSecondFactor = "wrong_second_factor";
    public const string LockedOut = "locked_out";
    public const string NotAllowed = "not_allowed";
    public const string RateLimited = "rate_limited";
}
