using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>Logs the hooks and vetoes <see cref="Forbidden"/>.</summary>
public sealed class RecordingMiddleware(PipelineLog log) : Middleware
{
    public override Task InitializeAsync(IDispatcher dispatcher, IStore store)
    {
        log.Add("initialize");
        return Task.CompletedTask;
    }

    public override bool MayDispatchAction(object action) => action is not Forbidden;

    public override void BeforeDispatch(object action) => log.Add($"before:{action.GetType().Name}");

    public override void AfterDispatch(object action) => log.Add($"after:{action.GetType().Name}");
}
