namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>A token just created: <see cref="Secret"/> is the only time the plaintext exists outside the caller's hands.</summary>
public sealed record CreatedApiToken(string Secret, ApiTokenSummary Token);
