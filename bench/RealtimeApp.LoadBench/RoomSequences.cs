namespace RealtimeApp.LoadBench;

/// <summary>The rooms of a soak run and, for each, the highest sequence a <c>chat.send</c> answer acknowledged.</summary>
public sealed class RoomSequences(IReadOnlyList<string> ids)
{
    private readonly long[] _acknowledged = new long[ids.Count];

    public IReadOnlyList<string> Ids => ids;

    public long Acknowledged(int room) => Interlocked.Read(ref _acknowledged[room]);

    public void Acknowledge(int room, long sequence)
    {
        var seen = Interlocked.Read(ref _acknowledged[room]);
        while (sequence > seen)
        {
            var before = Interlocked.CompareExchange(ref _acknowledged[room], sequence, seen);
            if (before == seen)
            {
                return;
            }

            seen = before;
        }
    }
}
