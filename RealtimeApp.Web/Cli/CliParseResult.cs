namespace RealtimeApp.Web.Cli;

public sealed record CliParseResult(CliCommand? Command, string? Error)
{
    public static CliParseResult Success(CliCommand command) => new(command, null);

    public static CliParseResult Failure(string error) => new(null, error);
}
