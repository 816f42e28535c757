using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Cli;

namespace RealtimeApp.Tests.Cli;

public sealed class TokenCommandParserTests
{
    [Fact]
    public void Parse_ReturnsCreateToken_WhenEmailAndNameAreGiven()
    {
        var result = CommandLineParser.Parse(["tokens", "create", "--email", " ana@example.com ", "--name", " ci deploy "]);

        var command = result.Command.ShouldBeOfType<CreateTokenCommand>();
        (command.Email, command.Name, command.ExpiresDays).ShouldBe(("ana@example.com", "ci deploy", (int?)null));
        command.Scopes.ShouldBe([ApiScopes.All], "without --scopes a token does everything its owner can, as before scopes");
    }

    [Fact]
    public void Parse_ReturnsExpiryDays_WhenGiven()
    {
        var result = CommandLineParser.Parse(["tokens", "create", "--email", "ana@example.com", "--name", "ci", "--expires-days", "30"]);

        result.Command.ShouldBeOfType<CreateTokenCommand>().ExpiresDays.ShouldBe(30);
    }

    [Fact]
    public void Parse_ReturnsTheScopes_InTheirListOrderWithoutRepeats_WhenGiven()
    {
        var result = CommandLineParser.Parse(["tokens", "create", "--email", "ana@example.com", "--name", "ci", "--scopes", "chat:write, chat:read,chat:write"]);

        result.Command.ShouldBeOfType<CreateTokenCommand>().Scopes.ShouldBe([ApiScopes.ChatRead, ApiScopes.ChatWrite]);
    }

    [Theory]
    [InlineData("tokens create --email a@example.com", "--email and --name are required")]
    [InlineData("tokens create --name ci", "--email and --name are required")]
    [InlineData("tokens create --email a@example.com --name ci --expires-days 0", "--expires-days must be a whole number from 1 to 3650")]
    [InlineData("tokens create --email a@example.com --name ci --expires-days -1", "--expires-days must be a whole number")]
    [InlineData("tokens create --email a@example.com --name ci --expires-days 1.5", "--expires-days must be a whole number")]
    [InlineData("tokens create --email a@example.com --name ci --password x", "unknown argument '--password'")]
    [InlineData("tokens revoke --email a@example.com", "unknown action 'revoke'")]
    [InlineData("tokens create --email a@example.com --name ci --scopes chat:read,chat:admin", "--scopes: Unknown scope 'chat:admin'; scopes are all, rooms:read")]
    [InlineData("tokens create --email a@example.com --name ci --scopes ,", "--scopes: Choose at least one scope.")]
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

        usage.ShouldContain("tokens create --email E --name N [--expires-days D] [--scopes S1,S2]");
    }
}
