namespace RealtimeApp.LoadBench;

/// <summary>What went wrong in a soak run, by kind; the first example of each kind is printed as it happens.</summary>
public sealed class SoakErrors
{
    public enum Kind
    {
        /// <summary>A connection or its authentication failed (not a timeout).</summary>
        ConnectFailure,

        /// <summary>An error frame, or a frame the run did not expect (a notice, a stopped subscription).</summary>
        Protocol,

        /// <summary>The server closed (or lost) a connection the run did not close.</summary>
        ClosedByServer,

        /// <summary>A subscriber received a message whose sequence skipped one or more (counted once per skip).</summary>
        Gap,

        /// <summary>A subscriber received a sequence it had already received.</summary>
        Duplicate,

        /// <summary>A connect, subscription, query or post not answered within <see cref="SoakSettings.Timeout"/>.</summary>
        Timeout,

        /// <summary>After the run, messages a subscriber never received (acknowledged sequences past its last one).</summary>
        MissingAtEnd,
    }

    private readonly long[] _counts = new long[Enum.GetValues<Kind>().Length];
    private long _missedInGaps;

    public long Count(Kind kind) => Interlocked.Read(ref _counts[(int)kind]);

    public long Total => Enum.GetValues<Kind>().Sum(Count);

    /// <summary>Messages skipped over by all the gaps together.</summary>
    public long MissedInGaps => Interlocked.Read(ref _missedInGaps);

    public void Add(Kind kind, string example, long count = 1)
    {
        if (Interlocked.Add(ref _counts[(int)kind], count) == count)
        {
            Console.Error.WriteLine($"first {kind}: {example}");
        }
    }

    public void AddGap(long missed, string example)
    {
        Interlocked.Add(ref _missedInGaps, missed);
        Add(Kind.Gap, example);
    }

    public string Summary() => string.Join(", ", Enum.GetValues<Kind>().Select(kind => $"{kind} {Count(kind)}"));
}
