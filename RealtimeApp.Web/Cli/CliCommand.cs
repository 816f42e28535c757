using RealtimeApp.Domain.RateLimits;

namespace RealtimeApp.Web.Cli;

/// <summary>A command-line action: it runs, prints and exits, and never starts the server.</summary>
public abstract record CliCommand;

public sealed record CreateUserCommand(string Email, string Password, string Role) : CliCommand;

public sealed record CreateTokenCommand(string Email, string Name, int? ExpiresDays, IReadOnlyList<string> Scopes) : CliCommand;

/// <param name="Email">The user whose override changes.</param>
/// <param name="Changes">The fields to set (null: unchanged).</param>
/// <param name="Cleared">Fields given as <c>default</c>: removed from the override, so the role's default applies again.</param>
public sealed record SetLimitsCommand(string Email, RateLimitValues Changes, IReadOnlySet<RateLimitField> Cleared) : CliCommand;

public sealed record ShowLimitsCommand(string Email) : CliCommand;

public sealed record ShowUsageCommand : CliCommand;
