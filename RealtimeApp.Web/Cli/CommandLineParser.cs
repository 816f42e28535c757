using System.Globalization;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.ApiTokens;

namespace RealtimeApp.Web.Cli;

/// <summary>Turns <c>users create …</c>, <c>tokens create …</c> and friends into a <see cref="CliCommand"/>.</summary>
public static class CommandLineParser
{
    public const string Usage = """
        Usage:
          RealtimeApp.Web                                   start the server
          RealtimeApp.Web users create --email E --password P --role Admin|Staff
          RealtimeApp.Web tokens create --email E --name N [--expires-days D] [--scopes S1,S2]
                                                            prints the new API token alone on stdout; scopes are
                                                            all (the default), rooms:read, rooms:write (admins),
                                                            chat:read, chat:write, tasks:read, tasks:write,
                                                            agents:report, agents:read
          RealtimeApp.Web limits set --email E [--messages-per-minute N] [--requests-per-second N] [--burst N]
                                    [--subscriptions-per-connection N] [--connections-per-user N]
                                                            sets those fields of the user's own rate-limit override;
                                                            a value of 'default' removes the field (role default again)
          RealtimeApp.Web limits show --email E             prints the user's effective limits and where each comes from
          RealtimeApp.Web help
        """;

    private static readonly HashSet<string> UserCreateOptions = ["email", "password", "role"];
    private static readonly HashSet<string> TokenCreateOptions = ["email", "name", "expires-days", "scopes"];

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
            ["tokens", "create", .. var rest] => ParseCreateToken(rest),
            ["tokens", .. var rest] => CliParseResult.Failure($"tokens: unknown action '{rest.FirstOrDefault()}'; expected 'tokens create'."),
            ["limits", "set", .. var rest] => LimitsCommandParser.ParseSet(rest),
            ["limits", "show", .. var rest] => LimitsCommandParser.ParseShow(rest),
            ["limits", .. var rest] => CliParseResult.Failure($"limits: unknown action '{rest.FirstOrDefault()}'; expected 'limits set' or 'limits show'."),
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

    private static CliParseResult ParseCreateToken(IReadOnlyList<string> args)
    {
        const string command = "tokens create";
        var (options, error) = CliOptions.Parse(command, args, TokenCreateOptions);
        if (options is null)
        {
            return CliParseResult.Failure(error!);
        }

        var email = options.Get("email");
        if (string.IsNullOrWhiteSpace(email) || options.Get("name") is null)
        {
            return CliParseResult.Failure($"{command}: --email and --name are required.");
        }

        var (name, nameError) = ApiTokenRules.CheckName(options.Get("name"));
        if (name is null)
        {
            return CliParseResult.Failure($"{command}: {nameError}");
        }

        int? days = null;
        if (options.Get("expires-days") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || ApiTokenRules.CheckExpiryDays(parsed) is not null)
            {
                return CliParseResult.Failure($"{command}: --expires-days must be a whole number from 1 to {ApiTokenRules.MaxExpiryDays}.");
            }

            days = parsed;
        }

        var (scopes, scopeError) = ApiScopes.Parse(options.Get("scopes") ?? ApiScopes.All);
        return scopes is null
            ? CliParseResult.Failure($"{command}: --scopes: {scopeError}")
            : CliParseResult.Success(new CreateTokenCommand(email.Trim(), name, days, scopes));
    }
}
