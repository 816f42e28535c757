using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>Input errors found by a handler itself, shaped like the binder's: <c>field: problem</c> plus <c>data.issues</c>.</summary>
public static class InputErrors
{
    public static TrpcException Invalid(string field, string problem) =>
        new(TrpcErrorCode.BadRequest, $"{field}: {problem}", new Dictionary<string, object?>
        {
            ["issues"] = new[] { new InputIssue(field, problem) },
        });
}
