using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>Renders both counters and records the counts of every render.</summary>
public sealed class CounterView : FluxorComponent
{
    [Inject]
    private IState<CounterState> Counter { get; set; } = default!;

    [Inject]
    private IState<ThrottledCounterState> Throttled { get; set; } = default!;

    public List<int> RenderedCounts { get; } = [];

    public List<int> RenderedThrottledCounts { get; } = [];

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        RenderedCounts.Add(Counter.Value.Count);
        RenderedThrottledCounts.Add(Throttled.Value.Count);
        builder.AddContent(0, $"Count: {Counter.Value.Count}");
    }
}
