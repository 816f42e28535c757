using Microsoft.AspNetCore.Components;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>Overrides OnInitialized without calling the base, so it never subscribes.</summary>
public sealed class ForgetfulView : FluxorComponent
{
    [Inject]
    private IState<CounterState> Counter { get; set; } = default!;

    public int Count => Counter.Value.Count;

    protected override void OnInitialized()
    {
    }
}
