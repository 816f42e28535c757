using System.Globalization;

namespace RealtimeApp.LoadBench;

/// <summary>
/// The open-file limit (RLIMIT_NOFILE) of this process, which the app process it starts inherits: each side holds one
/// socket per connection. .NET raises the soft limit to the hard one at start-up, so <c>ulimit -n</c> in the shell
/// may show less than what applies here.
/// </summary>
public static class FileLimit
{
    /// <summary>The soft limit from <c>/proc/self/limits</c>, or null where there is none (not Linux).</summary>
    public static long? Current()
    {
        const string path = "/proc/self/limits";
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(soft, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
