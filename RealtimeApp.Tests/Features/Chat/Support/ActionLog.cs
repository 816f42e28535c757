using System.Collections.Concurrent;
using RealtimeApp.Web.State;

namespace RealtimeApp.Tests.Features.Chat.Support;

/// <summary>Middleware that records every action the store applies, in order (scoped: one per store).</summary>
public sealed class ActionLog : Middleware
{
    private readonly ConcurrentQueue<object> _actions = new();

    public IReadOnlyList<object> Actions => [.. _actions];

    public override void BeforeDispatch(object action) => _actions.Enqueue(action);
}
