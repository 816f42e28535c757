using Microsoft.Data.Sqlite;
using RealtimeApp.Web.Cli;
using RealtimeApp.Web.Features.ApiTokens;

namespace RealtimeApp.Tests.Cli;

public sealed class TokenCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "realtimeapp-tests", Guid.NewGuid().ToString("N"));
    private StringWriter _output = new();
    private StringWriter _error = new();

    private string DatabasePath => Path.Combine(_directory, "cli.db");

    [Fact]
    public async Task TokensCreate_PrintsOnlyTheNewTokenAndExitsZero()
    {
        await CreateUserAsync();

        var exitCode = await RunAsync("tokens", "create", "--email", "ana@example.com", "--name", "ci");

        exitCode.ShouldBe(0);
        _error.ToString().ShouldBeEmpty();
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var token = lines.ShouldHaveSingleItem().TrimEnd('\r');
        ApiTokenSecret.IsWellFormed(token).ShouldBeTrue();
        StoredHashes().ShouldBe([Convert.ToHexString(ApiTokenSecret.Hash(token))]);
    }

    [Fact]
    public async Task TokensCreate_StoresExpiry_WhenExpiresDaysIsGiven()
    {
        await CreateUserAsync();

        var exitCode = await RunAsync("tokens", "create", "--email", "ana@example.com", "--name", "ci", "--expires-days", "7");

        exitCode.ShouldBe(0);
        Scalar("SELECT COUNT(*) FROM ApiTokens WHERE ExpiresAt IS NOT NULL").ShouldBe(1);
    }

    [Fact]
    public async Task TokensCreate_FailsWithOneLineAndCreatesNothing_WhenEmailIsUnknown()
    {
        await CreateUserAsync();

        var exitCode = await RunAsync("tokens", "create", "--email", "nobody@example.com", "--name", "ci");

        exitCode.ShouldBe(CommandLineApp.Failure);
        ErrorLine().ShouldBe("error: tokens create: no user with email 'nobody@example.com'.");
        _output.ToString().ShouldBeEmpty();
        StoredHashes().ShouldBeEmpty();
    }

    [Fact]
    public async Task TokensCreate_FailsWithOneLine_WhenNameIsTaken()
    {
        await CreateUserAsync();
        await RunAsync("tokens", "create", "--email", "ana@example.com", "--name", "ci");
        ResetWriters();

        var exitCode = await RunAsync("tokens", "create", "--email", "ana@example.com", "--name", "ci");

        exitCode.ShouldBe(CommandLineApp.Failure);
        ErrorLine().ShouldBe("error: tokens create: You already have an active token named 'ci'.");
        _output.ToString().ShouldBeEmpty();
        StoredHashes().Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("--expires-days", "0")]
    [InlineData("--expires-days", "soon")]
    public async Task TokensCreate_IsUsageErrorAndCreatesNothing_WhenExpiryIsBad(string option, string value)
    {
        await CreateUserAsync();

        var exitCode = await RunAsync("tokens", "create", "--email", "ana@example.com", "--name", "ci", option, value);

        exitCode.ShouldBe(CommandLineApp.UsageError);
        ErrorLine().ShouldStartWith("error: tokens create: --expires-days must be a whole number");
        StoredHashes().ShouldBeEmpty();
    }

    [Fact]
    public async Task TokensCreate_StoresTheScopes_WhenScopesAreGiven()
    {
        await CreateUserAsync();

        var exitCode = await RunAsync("tokens", "create", "--email", "ana@example.com", "--name", "agent", "--scopes", "agents:report,tasks:write");

        exitCode.ShouldBe(0);
        Scalar("SELECT COUNT(*) FROM ApiTokens WHERE Scopes = 'tasks:write agents:report'").ShouldBe(1);
    }

    [Fact]
    public async Task TokensCreate_FailsWithOneLineAndCreatesNothing_WhenAStaffMembersTokenAsksForRoomsWrite()
    {
        await CreateUserAsync();

        var exitCode = await RunAsync("tokens", "create", "--email", "ana@example.com", "--name", "rooms", "--scopes", "rooms:write");

        exitCode.ShouldBe(CommandLineApp.Failure);
        ErrorLine().ShouldBe("error: tokens create: Only an administrator's token may hold 'rooms:write'.");
        StoredHashes().ShouldBeEmpty();
    }

    [Fact]
    public async Task TokensCreate_IsUsageErrorAndCreatesNothing_WhenAScopeIsUnknown()
    {
        await CreateUserAsync();

        var exitCode = await RunAsync("tokens", "create", "--email", "ana@example.com", "--name", "ci", "--scopes", "chat:admin");

        exitCode.ShouldBe(CommandLineApp.UsageError);
        ErrorLine().ShouldStartWith("error: tokens create: --scopes: Unknown scope 'chat:admin'");
        StoredHashes().ShouldBeEmpty();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task CreateUserAsync()
    {
        (await RunAsync("users", "create", "--email", "ana@example.com", "--password", "Ana#Pass1", "--role", "Staff")).ShouldBe(0);
        ResetWriters();
    }

    private void ResetWriters()
    {
        _output = new StringWriter();
        _error = new StringWriter();
    }

    private Task<int> RunAsync(params string[] args) =>
        CommandLineApp.RunAsync(args, _output, _error, [new("ConnectionStrings:Default", $"Data Source={DatabasePath}")]);

    private string ErrorLine()
    {
        var lines = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, _error.ToString());
        return lines[0].TrimEnd('\r');
    }

    private List<string> StoredHashes()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hex(Hash) FROM ApiTokens";
        using var reader = command.ExecuteReader();
        var hashes = new List<string>();
        while (reader.Read())
        {
            hashes.Add(reader.GetString(0));
        }

        return hashes;
    }

    private long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        return connection;
    }
}
