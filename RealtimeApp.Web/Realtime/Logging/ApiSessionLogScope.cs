using System.Collections;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Web.Realtime.Logging;

/// <summary>
/// The log scope around an API session: <c>ApiConnectionId</c>, <c>UserId</c> and <c>Transport</c>
/// (<c>websocket</c>, <c>sse</c>, <c>http</c>). The user is read when a line is written, so lines after
/// authentication carry it. <c>ApiConnectionId</c>, not <c>ConnectionId</c>: Kestrel's scope already uses that name
/// for the TCP connection.
/// </summary>
internal sealed class ApiSessionLogScope(Func<string> id, Func<string?> userId, string transport) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string WebSocket = "websocket";
    public const string ServerSentEvents = "sse";
    public const string Http = "http";

    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("ApiConnectionId", id()),
        1 => new("UserId", userId()),
        2 => new("Transport", transport),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public static ApiSessionLogScope For(IApiSession session, string transport) => new(() => session.Id, () => session.UserId, transport);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"ApiConnectionId:{id()} UserId:{userId()} Transport:{transport}";
}
