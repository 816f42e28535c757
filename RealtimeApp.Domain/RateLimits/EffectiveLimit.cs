namespace RealtimeApp.Domain.RateLimits;

/// <summary>One resolved limit and the policy it came from.</summary>
public readonly record struct EffectiveLimit(int Value, RateLimitSource Source);
