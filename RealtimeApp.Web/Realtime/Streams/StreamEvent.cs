namespace RealtimeApp.Web.Realtime.Streams;

/// <summary>
/// What a <see cref="ResumableStream{TOut}"/> delivers: a value, and the sequence of the last stored event delivered
/// with it or before it (the resume cursor: subscribing again after it loses nothing and repeats nothing).
/// </summary>
public readonly record struct StreamEvent<TOut>(long Sequence, TOut Value);
