namespace RealtimeApp.Tests.Features.Chat.Support;

public static class SequenceRange
{
    /// <summary>The sequence numbers <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<long> Of(long first, long last)
    {
        for (var sequence = first; sequence <= last; sequence++)
        {
            yield return sequence;
        }
    }
}
