using Microsoft.Data.Sqlite;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.ApiTokens;

namespace RealtimeApp.Tests.Cli;

/// <summary>The app's executable as scripts run it: stdout must carry the token and nothing else (no log lines).</summary>
public sealed class TokenCommandProcessTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "realtimeapp-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TokensCreate_PrintsTheTokenAloneOnStdout_WhenRunAsAProcess()
    {
        (await RunAsync("users", "create", "--email", "ana@example.com", "--password", "Ana#Pass1", "--role", "Staff")).ExitCode.ShouldBe(0);

        var (exitCode, output, error) = await RunAsync("tokens", "create", "--email", "ana@example.com", "--name", "ci");

        exitCode.ShouldBe(0, error);
        output.EndsWith('\n').ShouldBeTrue();
        ApiTokenSecret.IsWellFormed(output.TrimEnd('\r', '\n')).ShouldBeTrue(output);
    }

    [Fact]
    public async Task TokensCreate_ExitsNonZeroWithOneLineOnStderr_WhenEmailIsUnknown()
    {
        var (exitCode, output, error) = await RunAsync("tokens", "create", "--email", "nobody@example.com", "--name", "ci");

        exitCode.ShouldNotBe(0);
        output.ShouldBeEmpty();
        error.TrimEnd().ShouldBe("error: tokens create: no user with email 'nobody@example.com'.");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        AppProcess.RunAsync(args, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_directory, "cli.db")}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        });
}
