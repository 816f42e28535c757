namespace RealtimeApp.Web.Components.Account.SignInLimits;

/// <summary>
/// A place reserved for one sign-in attempt in its address's failure budget. <see cref="Failed"/> spends it;
/// <see cref="Succeeded"/>, or disposing without either (the password was never checked), gives it back.
/// </summary>
public sealed class SignInAttempt : IDisposable
{
    private readonly SignInFailureLimiter _limiter;
    private readonly string _partition;
    private int _completed;

    internal SignInAttempt(SignInFailureLimiter limiter, string partition)
    {
        _limiter = limiter;
        _partition = partition;
    }

    public void Failed() => Complete(failed: true);

    public void Succeeded() => Complete(failed: false);

    public void Dispose() => Complete(failed: false);

    private void Complete(bool failed)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            _limiter.Complete(_partition, failed);
        }
    }
}
