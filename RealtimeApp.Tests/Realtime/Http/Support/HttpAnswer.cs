namespace RealtimeApp.Tests.Realtime.Http.Support;

/// <summary>What <c>/api/trpc</c> answered: status, the headers that matter and the body as text.</summary>
public sealed record HttpAnswer(int Status, string? ContentType, string? Allow, string? Vary, string Body);
