namespace RealtimeApp.Web.Features.Tasks;

/// <summary>
/// Serialises writes to one task on this node (striped by task id), so its timeline is committed and published in
/// sequence order. Across nodes the sequence stays safe through the optimistic check; see TaskService.
/// </summary>
public sealed class TaskLocks : IDisposable
{
    private const int Stripes = 64;

    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> EnterAsync(string taskId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(taskId.GetHashCode(StringComparison.Ordinal) & int.MaxValue) % Stripes];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    public void Dispose() => Array.ForEach(_stripes, stripe => stripe.Dispose());

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
