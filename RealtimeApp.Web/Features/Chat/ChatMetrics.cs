using System.Diagnostics.Metrics;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Shared.Telemetry;

namespace RealtimeApp.Web.Features.Chat;

/// <summary>Chat traffic on the app's meter <c>RealtimeApp</c>: messages stored, tagged with their room (the dashboard's per-room activity).</summary>
public sealed class ChatMetrics : IInstrumentBaseline
{
    public const string MessagesPostedName = "realtimeapp.chat.messages.posted";
    public const string RoomTag = "room";

    private readonly Counter<long> _posted;

    public ChatMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        _posted = meterFactory.Create(RealtimeMetrics.MeterName)
            .CreateCounter<long>(MessagesPostedName, "{message}", "Chat messages stored (browser and API), by room.");
    }

    /// <summary>A zero for <c>#general</c>, the room every node has from its first start.</summary>
    public void RecordZeros() => _posted.Add(0, new KeyValuePair<string, object?>(RoomTag, Room.GeneralId));

    public void MessagePosted(string roomId) => _posted.Add(1, new KeyValuePair<string, object?>(RoomTag, roomId));
}
