using System.Net;
using Microsoft.AspNetCore.Identity;
using RealtimeApp.Web.Components.Account.SignInLimits;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit;

namespace RealtimeApp.Web.Components.Account;

/// <summary>
/// The login page's password sign-in: refused while the client's address has used up its failure budget
/// (<see cref="SignInFailureLimiter"/>), otherwise Identity's <c>PasswordSignInAsync</c> with lockout; every outcome
/// is written to the audit log with the address and, for a failure, the reason (a right password that needs a second
/// factor is recorded at the second step, <see cref="SecondFactorSignInAsync"/>).
/// </summary>
public sealed class GuardedSignIn(SignInManager<ApplicationUser> signInManager, SignInFailureLimiter limiter, IAuditLog audit)
{
    public async Task<GuardedSignInResult> PasswordSignInAsync(IPAddress? address, string email, string password, bool rememberMe)
    {
        if (!limiter.TryBegin(address, out var attempt, out var refusal))
        {
            // Once per blocked spell, so a flood of refused attempts cannot fill the audit log.
            if (refusal.IsFirst)
            {
                await audit.WriteSignInFailedAsync(email, null, address, SignInFailureReasons.RateLimited);
            }

            return GuardedSignInResult.Refused(refusal.RetryAfter);
        }

        using (attempt)
        {
            var users = signInManager.UserManager;
            var user = await users.FindByNameAsync(email);
            if (user is null)
            {
                attempt.Failed();
                await audit.WriteSignInFailedAsync(email, null, address, SignInFailureReasons.UnknownAccount);
                return new GuardedSignInResult(SignInResult.Failed);
            }

            var wasLockedOut = await users.IsLockedOutAsync(user);
            // Failed passwords count towards lockout (Identity: 5 failures lock the account for 15 minutes).
            var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
            if (result.Succeeded || result.RequiresTwoFactor)
            {
                // The password was right: nothing is taken from the address's budget.
                attempt.Succeeded();
                if (result.Succeeded)
                {
                    await audit.WriteSignInSucceededAsync(email, user.Id, address);
                }

                return new GuardedSignInResult(result);
            }

            attempt.Failed();
            var reason = result switch
            {
                { IsLockedOut: true } when wasLockedOut => SignInFailureReasons.LockedOut,
                { IsNotAllowed: true } => SignInFailureReasons.NotAllowed,
                _ => SignInFailureReasons.WrongPassword,
            };
            await audit.WriteSignInFailedAsync(email, user.Id, address, reason);
            if (result.IsLockedOut && !wasLockedOut)
            {
                await audit.WriteSignInLockedOutAsync(email, user.Id, address, await users.GetLockoutEndDateAsync(user));
            }

            return new GuardedSignInResult(result);
        }
    }

    /// <summary>
    /// The second step of a two-factor sign-in (<paramref name="secondFactor"/>: <c>authenticator</c> or
    /// <c>recovery_code</c>), audited like the first. Not counted per address: the password was already right.
    /// </summary>
    public async Task<SignInResult> SecondFactorSignInAsync(ApplicationUser user, IPAddress? address, string secondFactor, Func<Task<SignInResult>> signIn)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(signIn);

        var users = signInManager.UserManager;
        var email = user.Email ?? user.UserName ?? user.Id;
        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn();
        if (result.Succeeded)
        {
            await audit.WriteSignInSucceededAsync(email, user.Id, address, secondFactor);
            return result;
        }

        var reason = result switch
        {
            { IsLockedOut: true } when wasLockedOut => SignInFailureReasons.LockedOut,
            { IsNotAllowed: true } => SignInFailureReasons.NotAllowed,
            _ => SignInFailureReasons.WrongSecondFactor,
        };
        await audit.WriteSignInFailedAsync(email, user.Id, address, reason, secondFactor);
        if (result.IsLockedOut && !wasLockedOut)
        {
            await audit.WriteSignInLockedOutAsync(email, user.Id, address, await users.GetLockoutEndDateAsync(user));
        }

        return result;
    }
}
