using System.Runtime.CompilerServices;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>
/// What a tracked feed reads from its store, a page at a time, between two sequences: everything after a resuming
/// subscriber's <c>lastEventId</c>, or the gap a live event revealed (another node's events, missed while the
/// backplane was down). Reads nothing when the two sequences follow on from each other.
/// </summary>
internal static class SequenceReplay
{
    public const int PageSize = 200;

    /// <param name="readAfter">A page of stored items after a sequence, oldest first.</param>
    /// <param name="sequenceOf">An item's sequence.</param>
    /// <param name="after">The last sequence delivered.</param>
    /// <param name="before">The first sequence not wanted (<see cref="long.MaxValue"/>: everything stored).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async IAsyncEnumerable<T> BetweenAsync<T>(
        Func<long, int, CancellationToken, Task<IReadOnlyList<T>>> readAfter,
        Func<T, long> sequenceOf,
        long after,
        long before,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (before > after + 1)
        {
            var page = await readAfter(after, PageSize, cancellationToken);
            foreach (var item in page)
            {
                var sequence = sequenceOf(item);
                if (sequence >= before)
                {
                    yield break;
                }

                after = sequence;
                yield return item;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }
        }
    }
}
