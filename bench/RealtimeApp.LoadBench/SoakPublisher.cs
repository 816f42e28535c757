using System.Diagnostics;
using System.Text;

namespace RealtimeApp.LoadBench;

/// <summary>
/// One soak publisher: posts through <c>chat.send</c> (with a <c>clientId</c>, as a client that may retry does) at a
/// steady rate, going round the rooms from its own offset; each answer acknowledges its room's sequence.
/// </summary>
public sealed class SoakPublisher(int index, ApiSocket socket, RoomSequences rooms, SoakErrors errors, SoakMeasures measures)
{
    private long _sent;
    private long _answered;

    public long Sent => Interlocked.Read(ref _sent);

    public long Answered => Interlocked.Read(ref _answered);

    public ApiSocket Socket => socket;

    public void StartReceiving(CancellationToken ct) => socket.StartReceiving(OnAnswer, ct);

    /// <summary>Posts <paramref name="perSecond"/> messages a second until <paramref name="stop"/>; a send under way finishes.</summary>
    public async Task PublishAsync(double perSecond, CancellationToken stop, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var due = (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * perSecond);
                while (Sent < due && !stop.IsCancellationRequested)
                {
                    var id = Interlocked.Increment(ref _sent);
                    var room = rooms.Ids[RoomIndex(id)];
                    await socket.SendAsync(
                        $$$"""{"id":{{{id}}},"method":"mutation","params":{"input":{"roomId":"{{{room}}}","text":"{{{FrameText.Message(Stopwatch.GetTimestamp())}}}","clientId":"soak-{{{index}}}-{{{id}}}"},"path":"chat.send"}}""", ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private int RoomIndex(long id) => (int)((id + index) % rooms.Ids.Count);

    private void OnAnswer(ReadOnlySpan<byte> frame)
    {
        Interlocked.Increment(ref _answered);
        if (FrameText.IsError(frame) || !FrameText.TryReadRequestId(frame, out var id) || !FrameText.TryReadSequence(frame, out var sequence))
        {
            errors.Add(SoakErrors.Kind.Protocol, "chat.send answered " + Encoding.UTF8.GetString(frame));
            return;
        }

        rooms.Acknowledge(RoomIndex(id), sequence);
        if (FrameText.TryReadTimestamp(frame, out var sent))
        {
            measures.Acks.Record(sent);
        }
    }
}
