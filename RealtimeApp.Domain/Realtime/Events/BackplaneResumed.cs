using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>
/// This node's link to the other nodes came back after an outage: events they published meanwhile never arrived here,
/// so feeds that track sequences read what they missed from the database. Published by the backplane on this node only
/// (it never crosses to other nodes), on <see cref="Topics.Backplane"/>.
/// </summary>
public sealed record BackplaneResumed : IRealtimeEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public string Topic => Topics.Backplane;
}
