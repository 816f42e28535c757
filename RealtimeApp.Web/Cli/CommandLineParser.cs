using RealtimeApp.Domain.Users;

namespace RealtimeApp.Web.Cli;

/// <summary>Turns <c>users create --email E --password P --role R</c> and friends into a <see cref="CliCommand"/>.</summary>
public static class CommandLineParser
{
    public const string Usage = """
        Usage:
          RealtimeApp.Web                                   start the server
          RealtimeApp.Web users create --email E --password P --role Admin|Staff
          RealtimeApp.Web help
        """;

    private static readonly HashSet<string> UserCreateOptions = ["email", "password", "role"];

    /// <summary>True when the arguments name a command rather than server switches such as <c>--urls</c>.</summary>
    public static bool IsCommand(IReadOnlyList<string> args) =>
        args.Count > 0 && !args[0].StartsWith('-');

    public static CliParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);

        return args.ToArray() switch
        {
            ["help" or "--help" or "-h"] => CliParseResult.Success(new ShowUsageCommand()),
            ["users", "create", .. var rest] => ParseCreateUser(rest),
            ["users", .. var rest] => CliParseResult.Failure($"users: unknown action '{rest.FirstOrDefault()}'; expected 'users create'."),
            [] => CliParseResult.Failure("no command given."),
            [var unknown, ..] => CliParseResult.Failure($"unknown command '{unknown}'; run 'help' for the list."),
        };
    }

    private static CliParseResult ParseCreateUser(IReadOnlyList<string> args)
    {
        const string command = "users create";
        var (options, error) = CliOptions.Parse(command, args, UserCreateOptions);
        if (options is null)
        {
            return CliParseResult.Failure(error!);
        }

        var email = options.Get("email");
        var password = options.Get("password");
        var role = options.Get("role");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || string.IsNullOrWhiteSpace(role))
        {
            return CliParseResult.Failure($"{command}: --email, --password and --role are required.");
        }

        var canonicalRole = Roles.Find(role);
        return canonicalRole is null
            ? CliParseResult.Failure($"{command}: unknown role '{role}'; expected {string.Join(" or ", Roles.All)}.")
            : CliParseResult.Success(new CreateUserCommand(email.Trim(), password, canonicalRole));
    }
}
