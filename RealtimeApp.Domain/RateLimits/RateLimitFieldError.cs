namespace RealtimeApp.Domain.RateLimits;

/// <summary>Why one field of a policy was refused, in words for the form or the command line.</summary>
public sealed record RateLimitFieldError(RateLimitField Field, string Message);
