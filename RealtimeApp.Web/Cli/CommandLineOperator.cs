using RealtimeApp.Domain.Users;

namespace RealtimeApp.Web.Cli;

/// <summary>Whoever runs a command on the server's machine: acts as an administrator, and is named so in the audit log.</summary>
internal static class CommandLineOperator
{
    public static Actor Actor { get; } = new("command-line", "command line", new HashSet<string> { Roles.Admin });
}
