namespace RealtimeApp.Web.Realtime.Streams;

/// <summary>What one live event means to a <see cref="ResumableStream{TOut}"/>, as its <see cref="StreamSource{TOut}"/> says.</summary>
public readonly record struct LiveSignal(LiveSignalKind Kind, long Sequence = 0)
{
    public static LiveSignal Ignore { get; } = new(LiveSignalKind.Ignore);

    /// <summary>Read the store to its end: events may have been missed (the backplane came back).</summary>
    public static LiveSignal CatchUp { get; } = new(LiveSignalKind.CatchUp);

    /// <summary>A stored event under its sequence: delivered once, in sequence order, whether live or read from the store.</summary>
    public static LiveSignal Item(long sequence) => new(LiveSignalKind.Item, sequence);

    /// <summary>A change to something already delivered (an edit, a status): delivered in order as it comes.</summary>
    public static LiveSignal Update { get; } = new(LiveSignalKind.Update);

    /// <summary>Delivered, and then the stream ends (the subscriber left the room, say).</summary>
    public static LiveSignal Final { get; } = new(LiveSignalKind.Final);

    /// <summary>The stream ends with the source's error for this event, before anything else is delivered.</summary>
    public static LiveSignal Fail { get; } = new(LiveSignalKind.Fail);

    public bool Ends => Kind is LiveSignalKind.Final or LiveSignalKind.Fail;
}
