namespace RealtimeApp.Web.Components.Account.SignInLimits;

/// <summary>
/// Why <see cref="SignInFailureLimiter.TryBegin"/> refused: how long until the address may try again, and whether this
/// is the first refusal since it ran out (later ones until then are the same story: the audit records only the first).
/// </summary>
public readonly record struct SignInRefusal(TimeSpan RetryAfter, bool IsFirst);
