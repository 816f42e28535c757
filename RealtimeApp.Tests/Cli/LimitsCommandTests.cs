using Microsoft.Data.Sqlite;
using RealtimeApp.Web.Cli;

namespace RealtimeApp.Tests.Cli;

public sealed class LimitsCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "realtimeapp-tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string DatabasePath => Path.Combine(_directory, "cli.db");

    [Fact]
    public async Task LimitsSet_StoresOverrideAndPrintsChange_WhenValuesAreValid()
    {
        await CreateUserAsync("bench@example.com");

        var exitCode = await RunAsync("limits", "set", "--email", "bench@example.com", "--messages-per-minute", "200000", "--connections-per-user", "10000");

        exitCode.ShouldBe(CommandLineApp.Success, _error.ToString());
        _output.ToString().Trim().ShouldBe("Set bench@example.com: messages per minute inherited → 200000, connections per user inherited → 10000.");
    }

    [Fact]
    public async Task LimitsShow_PrintsEffectiveValuesAndSources_WhenUserHasPartialOverride()
    {
        await CreateUserAsync("bench@example.com");
        await RunAsync("limits", "set", "--email", "bench@example.com", "--requests-per-second", "100000");
        await RunAsync("limits", "set", "--email", "bench@example.com", "--burst", "1000000");
        _output.GetStringBuilder().Clear();

        var exitCode = await RunAsync("limits", "show", "--email", "bench@example.com");

        exitCode.ShouldBe(CommandLineApp.Success, _error.ToString());
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        lines.ShouldBe(
        [
            "Rate limits of bench@example.com (Staff):",
            "  Messages per minute                    30  (Staff default)",
            "  API requests per second            100000  (override)",
            "  Burst                             1000000  (override)",
            "  Subscriptions per connection          100  (Api default)",
            "  Connections per user                   20  (Api default)",
        ]);
    }

    [Fact]
    public async Task LimitsSet_RemovesAFieldFromTheOverride_WhenItsValueIsDefault()
    {
        await CreateUserAsync("bench@example.com");
        await RunAsync("limits", "set", "--email", "bench@example.com", "--requests-per-second", "100000", "--burst", "1000000");
        _output.GetStringBuilder().Clear();

        var exitCode = await RunAsync("limits", "set", "--email", "bench@example.com", "--burst", "DEFAULT");
        var printed = _output.ToString().Trim();
        _output.GetStringBuilder().Clear();
        await RunAsync("limits", "show", "--email", "bench@example.com");

        exitCode.ShouldBe(CommandLineApp.Success, _error.ToString());
        printed.ShouldBe("Set bench@example.com: burst 1000000 → inherited.");
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        lines.ShouldContain("  API requests per second            100000  (override)");
        lines.ShouldContain(l => l.StartsWith("  Burst", StringComparison.Ordinal) && !l.EndsWith("(override)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--messages-per-minute", "0", "error: limits set: --messages-per-minute: Messages per minute must be a whole number from 1 to 1,000,000.")]
    [InlineData("--burst", "-3", "error: limits set: --burst: Burst must be a whole number from 1 to 10,000,000.")]
    [InlineData("--requests-per-second", "lots", "error: limits set: --requests-per-second: API requests per second must be a whole number from 1 to 1,000,000.")]
    [InlineData("--connections-per-user", "100001", "error: limits set: --connections-per-user: Connections per user must be a whole number from 1 to 100,000.")]
    public async Task LimitsSet_FailsWithOneLineAndTouchesNoDatabase_WhenValueIsInvalid(string option, string value, string expected)
    {
        var exitCode = await RunAsync("limits", "set", "--email", "bench@example.com", option, value);

        exitCode.ShouldNotBe(CommandLineApp.Success);
        ErrorLine().ShouldBe(expected);
        File.Exists(DatabasePath).ShouldBeFalse();
    }

    [Fact]
    public async Task LimitsSet_FailsWithOneLine_WhenNoLimitIsGiven()
    {
        var exitCode = await RunAsync("limits", "set", "--email", "bench@example.com");

        exitCode.ShouldBe(CommandLineApp.UsageError);
        ErrorLine().ShouldBe("error: limits set: give at least one limit, e.g. --messages-per-minute 600.");
    }

    [Fact]
    public async Task LimitsShow_FailsWithOneLine_WhenUserDoesNotExist()
    {
        var exitCode = await RunAsync("limits", "show", "--email", "nobody@example.com");

        exitCode.ShouldBe(CommandLineApp.Failure);
        ErrorLine().ShouldBe("error: limits show: There is no user with email 'nobody@example.com'.");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task CreateUserAsync(string email)
    {
        (await RunAsync("users", "create", "--email", email, "--password", "Bench#Pass1", "--role", "Staff")).ShouldBe(CommandLineApp.Success, _error.ToString());
        _output.GetStringBuilder().Clear();
    }

    private Task<int> RunAsync(params string[] args) =>
        CommandLineApp.RunAsync(args, _output, _error, [new("ConnectionStrings:Default", $"Data Source={DatabasePath}")]);

    private string ErrorLine()
    {
        var lines = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, _error.ToString());
        return lines[0].TrimEnd('\r');
    }
}
