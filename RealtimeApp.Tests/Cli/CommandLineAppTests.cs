using Microsoft.Data.Sqlite;
using RealtimeApp.Web.Cli;

namespace RealtimeApp.Tests.Cli;

public sealed class CommandLineAppTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "realtimeapp-tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string DatabasePath => Path.Combine(_directory, "cli.db");

    [Fact]
    public async Task UsersCreate_CreatesUserAndExitsZero()
    {
        var exitCode = await RunAsync("users", "create", "--email", "ana@example.com", "--password", "Ana#Pass1", "--role", "Admin");

        exitCode.ShouldBe(0);
        _output.ToString().Trim().ShouldBe("Created Admin ana@example.com.");
        _error.ToString().ShouldBeEmpty();
        CountUsers().ShouldBe(1);
    }

    [Fact]
    public async Task UsersCreate_IsAuditedAsTheCommandLine()
    {
        await RunAsync("users", "create", "--email", "ana@example.com", "--password", "Ana#Pass1", "--role", "Staff");

        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ActorEmail, Action, Target, After FROM AuditEntries";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        (reader.GetString(0), reader.GetString(1), reader.GetString(2)).ShouldBe(("command line", "user.created", "user:ana@example.com"));
        reader.GetString(3).ShouldBe("""{"email":"ana@example.com","roles":["Staff"]}""");
        reader.Read().ShouldBeFalse();
    }

    [Fact]
    public async Task UsersCreate_FailsWithOneLine_WhenEmailIsTaken()
    {
        await RunAsync("users", "create", "--email", "ana@example.com", "--password", "Ana#Pass1", "--role", "Staff");

        var exitCode = await RunAsync("users", "create", "--email", "ana@example.com", "--password", "Ana#Pass1", "--role", "Staff");

        exitCode.ShouldNotBe(0);
        ErrorLine().ShouldBe("error: users create: Email 'ana@example.com' is already taken.");
        CountUsers().ShouldBe(1);
    }

    [Fact]
    public async Task UsersCreate_CreatesNothing_WhenPasswordIsWeak()
    {
        var exitCode = await RunAsync("users", "create", "--email", "ana@example.com", "--password", "weak", "--role", "Staff");

        exitCode.ShouldNotBe(0);
        ErrorLine().ShouldStartWith("error: users create: Passwords must be at least 6 characters.");
        CountUsers().ShouldBe(0);
    }

    [Fact]
    public async Task UsersCreate_TouchesNoDatabase_WhenRoleIsUnknown()
    {
        var exitCode = await RunAsync("users", "create", "--email", "ana@example.com", "--password", "Ana#Pass1", "--role", "Owner");

        exitCode.ShouldBe(CommandLineApp.UsageError);
        ErrorLine().ShouldBe("error: users create: unknown role 'Owner'; expected Admin or Staff.");
        File.Exists(DatabasePath).ShouldBeFalse();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task<int> RunAsync(params string[] args) =>
        CommandLineApp.RunAsync(args, _output, _error, [new("ConnectionStrings:Default", $"Data Source={DatabasePath}")]);

    private string ErrorLine()
    {
        var lines = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, _error.ToString());
        return lines[0].TrimEnd('\r');
    }

    private long CountUsers()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AspNetUsers";
        return (long)command.ExecuteScalar()!;
    }
}
