using RealtimeApp.Domain.Users;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// The settings of a node on its own SQLite file in <c>directory</c>, prepared with the app's own commands before it
/// starts: a staff bot that may post without limits, and the bot's API token.
/// </summary>
public static class UnlimitedBotNode
{
    public const string Password = "Restart#Pass1";

    private static readonly string[] UnlimitedPosting = ["--messages-per-minute", "1000000", "--requests-per-second", "100000", "--burst", "100000"];

    public static async Task<(Dictionary<string, string> Settings, string Token)> PrepareAsync(string directory, string email, CancellationToken ct)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(directory, "app.db")}",
            ["Bootstrap__AdminEmail"] = "admin@example.com",
            ["Bootstrap__AdminPassword"] = Password,
        };
        await AppNode.RunCommandAsync(settings, ["users", "create", "--email", email, "--password", Password, "--role", Roles.Staff], ct);
        var token = await AppNode.RunCommandAsync(settings, ["tokens", "create", "--email", email, "--name", "restart test"], ct);
        await AppNode.RunCommandAsync(settings, ["limits", "set", "--email", email, .. UnlimitedPosting], ct);
        return (settings, token);
    }
}
