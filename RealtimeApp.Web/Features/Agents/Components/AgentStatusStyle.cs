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

    /// <summary>The colour as a hex value, for charts (MudBlazor's default palette).</summary>
    public static string Hex(string status) => status switch
    {
        "active" => "#00c853",
        "idle" => "#2196f3",
        "error" => "#f44336",
        _ => "#9e9e9e",
    };

    public static string Label(string status) => status.Length == 0 ? status : string.Concat(char.ToUpperInvariant(status[0]).ToString(), status[1..]);
}
