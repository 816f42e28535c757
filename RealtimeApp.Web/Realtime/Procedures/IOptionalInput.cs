namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>
/// Marks an input type whose every field is optional: an absent <c>params.input</c> binds to its defaults instead of
/// being <c>input: Required</c> (like an optional zod object in tRPC).
/// </summary>
public interface IOptionalInput;
