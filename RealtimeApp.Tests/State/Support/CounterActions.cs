namespace RealtimeApp.Tests.State.Support;

public sealed record Increment;

public sealed record IncrementBy(int Amount);

/// <summary>Its reducer returns the same instance.</summary>
public sealed record Touch;

/// <summary>Two reducers handle it, in declaration order: +1, then ×10.</summary>
public sealed record AddOneThenTimesTen;

/// <summary>Its reducer increments, and an effect then dispatches <see cref="IncrementBy"/>(100).</summary>
public sealed record IncrementAndFollowUp;

/// <summary>Vetoed by <see cref="RecordingMiddleware"/>, although a reducer and an effect handle it.</summary>
public sealed record Forbidden;

/// <summary>Two effects throw on it, one synchronously and one after an await; a third succeeds.</summary>
public sealed record Explode;

/// <summary>Increments <see cref="ThrottledCounterState"/>.</summary>
public sealed record IncrementThrottled;

/// <summary>Its effect waits for <see cref="EffectGate"/> to open.</summary>
public sealed record WaitForGate;
