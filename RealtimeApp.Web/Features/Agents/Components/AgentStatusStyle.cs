using MudBlazor;

namespace RealtimeApp.Web.Features.Agents.Components;

/// <summary>How agent statuses look: their order, colour and label.</summary>
public static class AgentStatusStyle
{
    public static IReadOnlyList<string> All { get; } = ["active", "idle", "error", "offline"];

    public static Color ColorOf(string status) => status switch
    {
        "active" => Color.Success,
        "idle" => Color.Info,
        "error" => Color.Error,
        _ => Color.Default,
    };

    public static string Label(string status) => status.Length == 0 ? status : string.Concat(char.ToUpperInvariant(status[0]).ToString(), status[1..]);
}
