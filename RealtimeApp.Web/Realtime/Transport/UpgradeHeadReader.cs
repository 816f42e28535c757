using System.Buffers;
using System.IO.Pipelines;

namespace RealtimeApp.Web.Realtime.Transport;

/// <summary>Reads a new connection's first bytes until <see cref="UpgradeHeadParser"/> can tell whether they are an API upgrade.</summary>
internal static class UpgradeHeadReader
{
    /// <summary>
    /// Leaves every byte in the pipe, unexamined, so whoever reads next (Kestrel's HTTP server, or
    /// <see cref="Consume"/>) starts from the first byte at once. <see cref="UpgradeHeadStatus.Incomplete"/> means
    /// the client sent no complete head in time (nothing for <paramref name="idleTimeout"/>, or a head still unfinished
    /// <paramref name="headTimeout"/> after its first bytes); such a connection is to be closed, as Kestrel would.
    /// </summary>
    public static async ValueTask<(UpgradeHeadStatus Status, UpgradeHead? Head)> ReadAsync(
        PipeReader input, TimeSpan idleTimeout, TimeSpan headTimeout, TimeProvider time)
    {
        using var timeout = new CancellationTokenSource(Timer(idleTimeout), time);
        var started = false;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                return (UpgradeHeadStatus.Incomplete, null);
            }

            var buffer = result.Buffer;
            var status = Parse(buffer, out var head);
            if (status == UpgradeHeadStatus.Incomplete && !result.IsCompleted && !result.IsCanceled)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                if (!started)
                {
                    started = true;
                    timeout.CancelAfter(Timer(headTimeout));
                }

                continue;
            }

            input.AdvanceTo(buffer.Start);
            return status == UpgradeHeadStatus.Upgrade ? (status, head) : (UpgradeHeadStatus.NotDirect, null);
        }
    }

    /// <summary>
    /// Takes the head out of the pipe; what follows it (frames the client sent right behind it) stays for the
    /// WebSocket. Synchronous: <see cref="ReadAsync"/> left the bytes unexamined, so they can be read at once.
    /// </summary>
    public static void Consume(PipeReader input, UpgradeHead head)
    {
        if (!input.TryRead(out var result) || result.Buffer.Length < head.Length)
        {
            throw new InvalidOperationException("The upgrade request is no longer in the connection's input.");
        }

        input.AdvanceTo(result.Buffer.GetPosition(head.Length));
    }

    /// <summary>Kestrel's limit as a timer period; one too long for a timer (Kestrel allows <c>TimeSpan.MaxValue</c>) never fires.</summary>
    private static TimeSpan Timer(TimeSpan limit) =>
        limit > TimeSpan.Zero && limit.TotalMilliseconds < uint.MaxValue - 1 ? limit : Timeout.InfiniteTimeSpan;

    private static UpgradeHeadStatus Parse(ReadOnlySequence<byte> buffer, out UpgradeHead? head)
    {
        var bytes = buffer.Length > UpgradeHeadParser.MaxHeadBytes ? buffer.Slice(0, UpgradeHeadParser.MaxHeadBytes) : buffer;
        if (bytes.IsSingleSegment)
        {
            return UpgradeHeadParser.Parse(bytes.FirstSpan, out head);
        }

        var copy = ArrayPool<byte>.Shared.Rent((int)bytes.Length);
        try
        {
            bytes.CopyTo(copy);
            return UpgradeHeadParser.Parse(copy.AsSpan(0, (int)bytes.Length), out head);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
