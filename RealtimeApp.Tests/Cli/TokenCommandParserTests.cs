using RealtimeApp.Web.Cli;

namespace RealtimeApp.Tests.Cli;

public sealed class TokenCommandParserTests
{
    [Fact]
    public void Parse_ReturnsCreateToken_WhenEmailAndNameAreGiven()
    {
        var result = CommandLineParser.Parse(["tokens", "create", "--email", " ana@example.com ", "--name", " ci deploy "]);

        result.Command.ShouldBe(new CreateTokenCommand("ana@example.com", "ci deploy", null));
    }

    [Fact]
    public void Parse_ReturnsExpiryDays_WhenGiven()
    {
        var result = CommandLineParser.Parse(["tokens", "create", "--email", "ana@example.com", "--name", "ci", "--expires-days", "30"]);

        result.Command.ShouldBe(new CreateTokenCommand("ana@example.com", "ci", 30));
    }

    [Theory]
    [InlineData("tokens create --email a@example.com", "--email and --name are required")]
    [InlineData("tokens create --name ci", "--email and --name are required")]
    [InlineData("tokens create --email a@example.com --name ci --expires-days 0", "--expires-days must be a whole number from 1 to 3650")]
    [InlineData("tokens create --email a@example.com --name ci --expires-days -1", "--expires-days must be a whole number")]
    [InlineData("tokens create --email a@example.com --name ci --expires-days 1.5", "--expires-days must be a whole number")]
    [InlineData("tokens create --email a@example.com --name ci --password x", "unknown argument '--password'")]
    [InlineData("tokens revoke --email a@example.com", "unknown action 'revoke'")]
    public void Parse_ReturnsOneLineError_WhenTokenArgumentsAreWrong(string commandLine, string expected)
    {
        var result = CommandLineParser.Parse(commandLine.Split(' '));

        result.Command.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldContain(expected);
        result.Error.ShouldNotContain('\n');
    }

    [Fact]
    public void Parse_ReturnsNameError_WhenNameIsTooLong()
    {
        var result = CommandLineParser.Parse(["tokens", "create", "--email", "a@example.com", "--name", new string('n', 65)]);

        result.Error.ShouldBe("tokens create: Name must be at most 64 characters.");
    }

    [Fact]
    public void Usage_ListsTokensCreate()
    {
        var usage = CommandLineParser.Usage;

        usage.ShouldContain("tokens create --email E --name N [--expires-days D]");
    }
}
