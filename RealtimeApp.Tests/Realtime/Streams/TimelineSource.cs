using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Web.Realtime.Streams;

namespace RealtimeApp.Tests.Realtime.Streams;

/// <summary>
/// A task's timeline kept in memory as a <see cref="StreamSource{TOut}"/>: progress is stored (<see cref="Commit"/>)
/// before it is published, as the app does; a status is an update; "succeeded" ends the stream, "cancelled" fails it.
/// </summary>
internal sealed class TimelineSource(EventHub hub) : StreamSource<string>
{
    public const string TaskId = "t-1";

    private readonly List<long> _stored = [];
    private readonly Lock _gate = new();

    /// <summary>Stores the next sequence; publishes it unless another node's publication is being missed.</summary>
    public long Commit(bool publish = true)
    {
        long sequence;
        lock (_gate)
        {
            sequence = _stored.Count + 1;
            _stored.Add(sequence);
        }

        if (publish)
        {
            hub.Publish(new TaskProgressed(TaskId, sequence, 0, "running", null, DateTimeOffset.UnixEpoch));
        }

        return sequence;
    }

    public void PublishStatus(string status) =>
        hub.Publish(new TaskStatusChanged(TaskId, 0, status, null, null, DateTimeOffset.UnixEpoch));

    public override IReadOnlyList<IEventSubscription> SubscribeLive(EventAggregator aggregator, Action<IRealtimeEvent> deliver) =>
        [aggregator.Subscribe(Topics.Task(TaskId), deliver)];

    public override LiveSignal Classify(IRealtimeEvent realtimeEvent) => realtimeEvent switch
    {
        TaskProgressed progressed => LiveSignal.Item(progressed.Sequence),
        TaskStatusChanged { Status: "succeeded" } => LiveSignal.Final,
        TaskStatusChanged { Status: "cancelled" } => LiveSignal.Fail,
        TaskStatusChanged => LiveSignal.Update,
        _ => LiveSignal.Ignore,
    };

    public override string Project(IRealtimeEvent realtimeEvent) => realtimeEvent switch
    {
        TaskProgressed progressed => $"live {progressed.Sequence}",
        TaskStatusChanged changed => $"status {changed.Status}",
        _ => throw new ArgumentOutOfRangeException(nameof(realtimeEvent)),
    };

    public override Exception Failure(IRealtimeEvent realtimeEvent) => new OperationCanceledException("The task was cancelled.");

    public override Task<IReadOnlyList<StreamEvent<string>>> ReadAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StreamEvent<string>>>(
                [.. _stored.Where(sequence => sequence > afterSequence).Take(limit).Select(sequence => new StreamEvent<string>(sequence, $"stored {sequence}"))]);
        }
    }

    public override bool TryGetResyncNotice(out string notice)
    {
        notice = "resynced";
        return true;
    }
}
