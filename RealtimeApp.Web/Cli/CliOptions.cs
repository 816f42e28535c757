namespace RealtimeApp.Web.Cli;

/// <summary>The <c>--name value</c> pairs after a command's words, checked against what the command accepts.</summary>
internal sealed class CliOptions
{
    private readonly Dictionary<string, string> _values;

    private CliOptions(Dictionary<string, string> values) => _values = values;

    public static (CliOptions? Options, string? Error) Parse(string command, IReadOnlyList<string> args, IReadOnlySet<string> allowed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !allowed.Contains(name[2..]))
            {
                return (null, $"{command}: unknown argument '{name}'; expected {string.Join(", ", allowed.Select(a => "--" + a))}.");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return (null, $"{command}: {name} needs a value.");
            }

            if (!values.TryAdd(name[2..], args[i + 1]))
            {
                return (null, $"{command}: {name} is given twice.");
            }
        }

        return (new CliOptions(values), null);
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);
}
