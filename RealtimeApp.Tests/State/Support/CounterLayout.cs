using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.State.Support;

/// <summary>A layout that shows the counter around its body.</summary>
public sealed class CounterLayout : FluxorLayout
{
    [Inject]
    private IState<CounterState> Counter { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.AddContent(0, $"Count: {Counter.Value.Count} | ");
        builder.AddContent(1, Body);
    }
}
