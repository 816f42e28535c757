namespace RealtimeApp.Domain.ApiTokens;

/// <summary>
/// What an API token may do, chosen when it is created. A token acts as its owner within its scopes: a scope never
/// grants what the owner could not do. <see cref="All"/> is everything the owner can do (tokens made before scopes
/// existed have it); as in GitHub's permission levels, a <c>:write</c> scope includes its <c>:read</c>.
/// </summary>
public static class ApiScopes
{
    public const string All = "all";
    public const string RoomsRead = "rooms:read";
    public const string RoomsWrite = "rooms:write";
    public const string ChatRead = "chat:read";
    public const string ChatWrite = "chat:write";
    public const string TasksRead = "tasks:read";
    public const string TasksWrite = "tasks:write";
    public const string AgentsReport = "agents:report";
    public const string AgentsRead = "agents:read";

    /// <summary>Every scope a token may hold, in the order lists show them, with what it allows.</summary>
    public static IReadOnlyList<(string Name, string Description)> Known { get; } =
    [
        (All, "everything its owner can do"),
        (RoomsRead, "list rooms"),
        (RoomsWrite, "create rooms, administrators only (and rooms:read)"),
        (ChatRead, "read, search and follow messages"),
        (ChatWrite, "post, edit and delete messages; join and leave rooms (and chat:read)"),
        (TasksRead, "read and follow tasks"),
        (TasksWrite, "create, report on and cancel tasks (and tasks:read)"),
        (AgentsReport, "report an agent's status and receive its commands"),
        (AgentsRead, "list agents and follow their status"),
    ];

    /// <summary>Scopes only a token of an administrator may hold.</summary>
    public static IReadOnlyList<string> AdministratorsOnly { get; } = [RoomsWrite];

    /// <summary>Whether a token holding <paramref name="held"/> may use what <paramref name="needed"/> covers.</summary>
    public static bool Grants(string held, string needed) =>
        held == All || held == needed || (held, needed) is (ChatWrite, ChatRead) or (TasksWrite, TasksRead) or (RoomsWrite, RoomsRead);

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Known"/> (exact spelling).</summary>
    public static bool IsKnown(string name) => Known.Any(scope => scope.Name == name);

    /// <summary>
    /// The scopes of a comma- or space-separated list (as typed on the command line), trimmed, without repeats, in
    /// <see cref="Known"/>'s order; or the problem with the list: empty, or naming a scope that does not exist.
    /// </summary>
    public static (IReadOnlyList<string>? Scopes, string? Error) Parse(string? list) =>
        Check((list ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>As <see cref="Parse"/>, for scopes already apart (checkboxes).</summary>
    public static (IReadOnlyList<string>? Scopes, string? Error) Check(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);

        var chosen = names.Select(name => name.Trim()).Where(name => name.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            return (null, "Choose at least one scope.");
        }

        var unknown = chosen.Where(name => !IsKnown(name)).ToList();
        if (unknown.Count > 0)
        {
            return (null, $"Unknown scope {string.Join(", ", unknown.Select(name => $"'{name}'"))}; scopes are {string.Join(", ", Known.Select(scope => scope.Name))}.");
        }

        return (chosen.Contains(All) ? [All] : Known.Select(scope => scope.Name).Where(chosen.Contains).ToList(), null);
    }

    /// <summary>The stored form: the scopes separated by spaces (as OAuth writes a <c>scope</c>).</summary>
    public static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes);

    /// <summary>The scopes of a stored value.</summary>
    public static IReadOnlyList<string> Split(string stored) =>
        (stored ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
