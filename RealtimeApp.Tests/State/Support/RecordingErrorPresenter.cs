using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>Completes <see cref="Shown"/> with the first failure the store initializer presents.</summary>
public sealed class RecordingErrorPresenter : IStoreErrorPresenter
{
    private readonly TaskCompletionSource<Exception> _shown = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Exception> Shown => _shown.Task;

    public void ShowEffectFailed(Exception exception) => _shown.TrySetResult(exception);
}
