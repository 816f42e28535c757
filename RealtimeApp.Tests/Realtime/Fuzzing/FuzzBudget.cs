using System.Globalization;

namespace RealtimeApp.Tests.Realtime.Fuzzing;

/// <summary>
/// How long each fuzzing property runs: 2 s in the test command, longer on request
/// (<c>REALTIMEAPP_FUZZ_SECONDS=300 dotnet test --project RealtimeApp.Tests -c Release -- --filter-namespace "*Fuzzing*"</c>).
/// </summary>
public static class FuzzBudget
{
    public static int Seconds { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("REALTIMEAPP_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : 2;

    /// <summary>One thread per property: the test command runs other tests beside them on a small machine.</summary>
    public static int Threads => 1;
}
