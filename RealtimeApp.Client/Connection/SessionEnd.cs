namespace RealtimeApp.Client.Connection;

/// <summary>How a connection ended: the server's close code and reason, or what broke it.</summary>
internal sealed record SessionEnd(int? CloseCode, string Reason);
