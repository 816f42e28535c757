using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>Instance effects, built from DI once per store.</summary>
public sealed class RecordingEffects(PipelineLog log, IState<CounterState> counter, EffectGate gate)
{
    [EffectMethod]
    public Task OnIncrementAsync(Increment action, IDispatcher dispatcher)
    {
        log.Add($"effect:Increment:{counter.Value.Count}");
        return Task.CompletedTask;
    }

    [EffectMethod(typeof(IncrementAndFollowUp))]
    public Task FollowUpAsync(IDispatcher dispatcher)
    {
        dispatcher.Dispatch(new IncrementBy(100));
        log.Add($"effect:FollowUp dispatched, count still {counter.Value.Count}");
        return Task.CompletedTask;
    }

    [EffectMethod(typeof(Forbidden))]
    public Task OnForbiddenAsync(IDispatcher dispatcher)
    {
        log.Add("effect:Forbidden");
        return Task.CompletedTask;
    }

    [EffectMethod(typeof(Explode))]
    public Task SurviveAsync(IDispatcher dispatcher)
    {
        log.Add("effect:survivor");
        return Task.CompletedTask;
    }

    [EffectMethod(typeof(WaitForGate))]
    public async Task WaitForGateAsync(IDispatcher dispatcher)
    {
        await gate.Opened.Task;
        dispatcher.Dispatch(new Increment());
    }
}
