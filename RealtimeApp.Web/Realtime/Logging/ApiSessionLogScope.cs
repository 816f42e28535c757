using System.Collections;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Web.Realtime.Logging;

/// <summary>
/// The log scope around an API session: <c>ApiConnectionId</c>, <c>UserId</c> and <c>Transport</c>
/// (<c>websocket</c>, <c>sse</c>, <c>http</c>). The user is read when a line is written, so lines after
/// authentication carry it. <c>ApiConnectionId</c>, not <c>ConnectionId</c>: Kestrel's scope already uses that name
/// for the TCP connection.
/// </summary>
internal sealed class ApiSessionLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string WebSocket = "websocket";
    public const string ServerSentEvents = "sse";
    public const string Http = "http";

    private readonly IApiSession? _session;
    private readonly string? _id;
    private readonly string? _userId;
    private readonly string _transport;

    /// <summary>A live session's scope: its user is read from the session, so it appears once authenticated.</summary>
    public ApiSessionLogScope(IApiSession session, string transport)
    {
        _session = session;
        _transport = transport;
    }

    /// <summary>A scope whose values are known when it begins (an HTTP request, authenticated first).</summary>
    public ApiSessionLogScope(string id, string? userId, string transport)
    {
        _id = id;
        _userId = userId;
        _transport = transport;
    }

    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("ApiConnectionId", Id),
        1 => new("UserId", UserId),
        2 => new("Transport", _transport),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    private string? Id => _session?.Id ?? _id;

    private string? UserId => _session is null ? _userId : _session.UserId;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"ApiConnectionId:{Id} UserId:{UserId} Transport:{_transport}";
}
