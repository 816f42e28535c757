using RealtimeApp.Domain.RateLimits;

namespace RealtimeApp.Web.Cli;

/// <summary>A command-line action: it runs, prints and exits, and never starts the server.</summary>
public abstract record CliCommand;

public sealed record CreateUserCommand(string Email, string Password, string Role) : CliCommand;

public sealed record CreateTokenCommand(string Email, string Name, int? ExpiresDays) : CliCommand;

public sealed record SetLimitsCommand(string Email, RateLimitValues Changes) : CliCommand;

public sealed record ShowLimitsCommand(string Email) : CliCommand;

public sealed record ShowUsageCommand : CliCommand;
