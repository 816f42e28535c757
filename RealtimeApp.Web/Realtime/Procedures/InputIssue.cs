namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>One reason an input was rejected: the field (camelCase, dotted; <c>input</c> for the whole value) and what is wrong.</summary>
public sealed record InputIssue(string Path, string Message);
