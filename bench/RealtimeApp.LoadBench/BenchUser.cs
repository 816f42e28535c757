namespace RealtimeApp.LoadBench;

/// <summary>
/// The benchmark's own user: an Admin (it creates the rooms) whose per-user rate-limit override allows the load.
/// Limits stay in force for everyone else; nothing turns limiting off.
/// </summary>
public static class BenchUser
{
    public const string Email = "loadbench@example.com";
    private const string Password = "Load#Bench1";

    /// <summary>Creates the user, sets its override and returns a new API token (run before the server starts).</summary>
    public static async Task<string> PrepareAsync(AppProcess app, int connections, CancellationToken ct = default)
    {
        await app.RunCommandAsync(["users", "create", "--email", Email, "--password", Password, "--role", "Admin"], ct);
        await app.RunCommandAsync(
            [
                "limits", "set", "--email", Email,
                "--messages-per-minute", "1000000",
                "--requests-per-second", "100000",
                "--burst", "100000",
                "--connections-per-user", (connections + 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ],
            ct);
        return await app.RunCommandAsync(["tokens", "create", "--email", Email, "--name", "load benchmark"], ct);
    }
}
