namespace RealtimeApp.Web.Realtime.Streams;

/// <summary>The kinds of <see cref="LiveSignal"/>.</summary>
public enum LiveSignalKind
{
    Ignore,
    CatchUp,
    Item,
    Update,
    Final,
    Fail,
}
