using System.Text.RegularExpressions;

namespace RealtimeApp.Domain.Agents;

/// <summary>Agents choose their own ids: 1 to 64 characters of letters, digits, '.', '_' and '-'.</summary>
public static partial class AgentIds
{
    public static string? Validate(string? id) =>
        id is not null && Pattern().IsMatch(id) ? null : "agentId: 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'.";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Pattern();
}
