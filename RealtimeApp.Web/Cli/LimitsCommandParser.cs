using System.Globalization;
using RealtimeApp.Domain.RateLimits;

namespace RealtimeApp.Web.Cli;

/// <summary>Parses <c>limits set</c> and <c>limits show</c>, checking each value with the same rules as the admin page.</summary>
internal static class LimitsCommandParser
{
    /// <summary>The value that removes a field from the user's override (the role's default applies again).</summary>
    public const string DefaultValue = "default";

    private static readonly Dictionary<string, RateLimitField> FieldOptions = new(StringComparer.Ordinal)
    {
        ["messages-per-minute"] = RateLimitField.MessagesPerMinute,
        ["requests-per-second"] = RateLimitField.RequestsPerSecond,
        ["burst"] = RateLimitField.Burst,
        ["subscriptions-per-connection"] = RateLimitField.SubscriptionsPerConnection,
        ["connections-per-user"] = RateLimitField.ConnectionsPerUser,
    };

    private static readonly HashSet<string> SetOptions = ["email", .. FieldOptions.Keys];
    private static readonly HashSet<string> ShowOptions = ["email"];

    public static CliParseResult ParseSet(IReadOnlyList<string> args)
    {
        const string command = "limits set";
        var (options, error) = CliOptions.Parse(command, args, SetOptions);
        if (options is null)
        {
            return CliParseResult.Failure(error!);
        }

        if (string.IsNullOrWhiteSpace(options.Get("email")))
        {
            return CliParseResult.Failure($"{command}: --email is required.");
        }

        var values = new Dictionary<RateLimitField, int>();
        var cleared = new HashSet<RateLimitField>();
        foreach (var (option, field) in FieldOptions)
        {
            if (options.Get(option) is not { } text)
            {
                continue;
            }

            if (string.Equals(text, DefaultValue, StringComparison.OrdinalIgnoreCase))
            {
                cleared.Add(field);
                continue;
            }

            var parsed = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
            if (parsed is null || RateLimitRules.Check(field, parsed) is not null)
            {
                return CliParseResult.Failure($"{command}: --{option}: {RateLimitRules.Check(field, parsed ?? 0)}");
            }

            values[field] = number;
        }

        if (values.Count == 0 && cleared.Count == 0)
        {
            return CliParseResult.Failure($"{command}: give at least one limit, e.g. --messages-per-minute 600.");
        }

        var changes = new RateLimitValues(
            values.GetValueOrDefault(RateLimitField.MessagesPerMinute) is var m and > 0 ? m : null,
            values.GetValueOrDefault(RateLimitField.RequestsPerSecond) is var r and > 0 ? r : null,
            values.GetValueOrDefault(RateLimitField.Burst) is var b and > 0 ? b : null,
            values.GetValueOrDefault(RateLimitField.SubscriptionsPerConnection) is var s and > 0 ? s : null,
            values.GetValueOrDefault(RateLimitField.ConnectionsPerUser) is var c and > 0 ? c : null);
        return CliParseResult.Success(new SetLimitsCommand(options.Get("email")!.Trim(), changes, cleared));
    }

    public static CliParseResult ParseShow(IReadOnlyList<string> args)
    {
        const string command = "limits show";
        var (options, error) = CliOptions.Parse(command, args, ShowOptions);
        if (options is null)
        {
            return CliParseResult.Failure(error!);
        }

        var email = options.Get("email");
        return string.IsNullOrWhiteSpace(email)
            ? CliParseResult.Failure($"{command}: --email is required.")
            : CliParseResult.Success(new ShowLimitsCommand(email.Trim()));
    }
}
