using System.Globalization;
using System.Runtime.InteropServices;

namespace RealtimeApp.ChatBench;

/// <summary>
/// <c>dotnet run -c Release --project bench/RealtimeApp.ChatBench -- [history|posting|breakdown|all] [--messages N] [--iterations N]
/// [--posters N] [--posts N] [--writer-only] [--data DIR] [--postgres CONNECTION]</c>. Everything is bounded in count; files stay under DIR
/// (default: a temp folder). With <c>--postgres</c> (a connection string to a server, e.g. <c>Host=127.0.0.1;Username=postgres</c>),
/// <c>posting</c> and <c>history</c> run on PostgreSQL, in databases <c>realtimeapp_chatbench</c> and <c>realtimeapp_chathistory</c> they drop and create.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var what = args.FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var directory = Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), "realtimeapp-chatbench");
        Directory.CreateDirectory(directory);
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; data in {directory}");

        if (what is "history" or "all")
        {
            await HistoryBench.RunAsync(directory, Number(args, "--messages", 1_000_000), Number(args, "--iterations", 1_000), Option(args, "--postgres"));
        }

        if (what is "posting" or "all")
        {
            await PostingBench.RunAsync(directory, Number(args, "--posters", 64), Number(args, "--posts", 200_000), args.Contains("--writer-only"), Option(args, "--postgres"));
        }

        if (what is "breakdown")
        {
            await PostCostBreakdown.RunAsync(directory, Number(args, "--iterations", 5_000));
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Number(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
