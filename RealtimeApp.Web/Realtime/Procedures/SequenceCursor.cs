using System.Globalization;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>Reads a tracked subscription's <c>lastEventId</c>, which is a sequence number written in decimal.</summary>
public static class SequenceCursor
{
    public static long? Parse(string? lastEventId, string what) =>
        lastEventId is null ? null
        : long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence
        : throw InputErrors.Invalid("lastEventId", $"Must be a non-negative integer (a {what} sequence)");

    public static string Format(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
