namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>One feature's procedure registrations, applied when the router is built.</summary>
internal sealed record ProcedureRegistration(Action<ProcedureRouter> Configure);
