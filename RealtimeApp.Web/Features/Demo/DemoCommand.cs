using System.Text.Json;

namespace RealtimeApp.Web.Features.Demo;

/// <summary>A command from <c>agents.onCommand</c>: <c>cancel</c> or <c>retry</c> a task.</summary>
public sealed record DemoCommand(string CommandId, string Kind, string TaskId)
{
    public static DemoCommand From(JsonElement item) =>
        new(item.GetProperty("commandId").GetString()!, item.GetProperty("kind").GetString()!, item.GetProperty("taskId").GetString()!);
}
