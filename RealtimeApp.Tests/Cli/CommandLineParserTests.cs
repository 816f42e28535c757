using RealtimeApp.Web.Cli;

namespace RealtimeApp.Tests.Cli;

public sealed class CommandLineParserTests
{
    [Fact]
    public void Parse_ReturnsCreateUser_WhenAllOptionsAreGiven()
    {
        var result = CommandLineParser.Parse(["users", "create", "--email", "ana@example.com", "--password", "Secret#1", "--role", "staff"]);

        result.Error.ShouldBeNull();
        result.Command.ShouldBe(new CreateUserCommand("ana@example.com", "Secret#1", "Staff"));
    }

    [Theory]
    [InlineData("users create --email a@example.com --password P#ss1", "--email, --password and --role are required")]
    [InlineData("users create --email a@example.com --password P#ss1 --role Boss", "unknown role 'Boss'")]
    [InlineData("users create --email a@example.com --password", "--password needs a value")]
    [InlineData("users create --email a@example.com --email b@example.com", "--email is given twice")]
    [InlineData("users create --name ana", "unknown argument '--name'")]
    [InlineData("users delete --email a@example.com", "unknown action 'delete'")]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    public void Parse_ReturnsOneLineError_WhenArgumentsAreWrong(string commandLine, string expected)
    {
        var result = CommandLineParser.Parse(commandLine.Split(' '));

        result.Command.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldContain(expected);
        result.Error.ShouldNotContain('\n');
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5001" }, false)]
    [InlineData(new[] { "users", "create" }, true)]
    public void IsCommand_TellsCommandsFromServerSwitches(string[] args, bool expected) =>
        CommandLineParser.IsCommand(args).ShouldBe(expected);
}
