namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>
/// An event of a tracked subscription: the client stores <see cref="Id"/> and sends it back as <c>lastEventId</c>
/// when it resubscribes. Ids are non-empty and contain no <c>\0</c>, <c>\n</c> or <c>\r</c>.
/// </summary>
public readonly record struct TrackedEvent<T>(string Id, T Data);
