using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>One call of an HTTP request: its index in the batch, its path, and the procedure there (null: no such path).</summary>
internal sealed record HttpCall(int Index, string Path, Procedure? Procedure);
