namespace RealtimeApp.Web.Features.Sessions;

/// <summary>A live circuit or API connection as the dashboard lists it; <see cref="QueuedBytes"/> is null for circuits.</summary>
public sealed record LiveConnection(
    string Id,
    ConnectionKind Kind,
    string? UserId,
    string? UserName,
    string? RemoteAddress,
    DateTimeOffset ConnectedAt,
    int Subscriptions,
    long? QueuedBytes);
