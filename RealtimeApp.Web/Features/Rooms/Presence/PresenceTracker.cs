using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Rooms.Presence;

/// <summary>
/// Who is in which room right now, across the nodes. This node counts its own live connections (each browser tab's
/// circuit, each API subscription) and tells the others when a user's first one enters a room or their last one
/// leaves (<see cref="NodePresenceChanged"/>); every node folds what the nodes say into one view, where a user is online
/// while any node has a connection of theirs, and publishes <see cref="PresenceChanged"/> to its own subscribers when
/// that changes. Heartbeats (<see cref="PublishHeartbeat"/>) repair what the bus lost, and a node silent for
/// <see cref="NodeTimeout"/> is dropped with its users (<see cref="DropSilentNodes"/>).
/// </summary>
public sealed class PresenceTracker : IDisposable
{
    /// <summary>How long a node may go without a heartbeat before its users leave its rooms.</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(20);

    private readonly EventHub _hub;
    private readonly TimeProvider _time;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();

    // This node's connections: room → user → (name, count).
    private readonly Dictionary<string, Dictionary<string, Local>> _local = new(StringComparer.Ordinal);

    // Every node's users: room → user → (name, nodes), and node → (its entries, when it was last heard).
    private readonly Dictionary<string, Dictionary<string, Member>> _rooms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);

    public PresenceTracker(EventHub hub, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        _hub = hub;
        _time = time ?? TimeProvider.System;
        _subscription = hub.Subscribe<IRealtimeEvent>(Topics.NodePresence, OnNodeEvent);
    }

    /// <summary>This node's name in <see cref="NodePresenceChanged"/> and heartbeats (new at each start).</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Counts one connection of the user in the room until the returned handle is disposed.</summary>
    public IDisposable Enter(string roomId, string userId, string userName)
    {
        bool first;
        lock (_gate)
        {
            if (!_local.TryGetValue(roomId, out var users))
            {
                _local[roomId] = users = new Dictionary<string, Local>(StringComparer.Ordinal);
            }

            first = !users.TryGetValue(userId, out var entry);
            users[userId] = new Local(userName, (entry?.Connections ?? 0) + 1);
        }

        if (first)
        {
            _hub.Publish(new NodePresenceChanged(NodeId, roomId, userId, userName, IsHere: true));
        }

        return new Handle(this, roomId, userId);
    }

    /// <summary>Everyone online in the room on any node, by name.</summary>
    public IReadOnlyList<PresenceMember> Online(string roomId)
    {
        lock (_gate)
        {
            return _rooms.TryGetValue(roomId, out var users)
                ? users.Select(pair => new PresenceMember(pair.Key, pair.Value.UserName)).OrderBy(m => m.UserName, StringComparer.OrdinalIgnoreCase).ToList()
                : [];
        }
    }

    /// <summary>Tells the other nodes everything this node has (and that it is alive).</summary>
    public void PublishHeartbeat()
    {
        List<NodePresenceEntry> entries;
        lock (_gate)
        {
            entries = [.. _local.SelectMany(room => room.Value.Select(user => new NodePresenceEntry(room.Key, user.Key, user.Value.UserName)))];
        }

        _hub.Publish(new NodePresenceHeartbeat(NodeId, entries));
    }

    /// <summary>Drops the nodes not heard from for <see cref="NodeTimeout"/> (stopped, killed, cut off), with their users.</summary>
    public void DropSilentNodes()
    {
        var changes = new List<PresenceChanged>();
        lock (_gate)
        {
            var deadline = _time.GetUtcNow() - NodeTimeout;
            foreach (var (nodeId, node) in _nodes.Where(pair => pair.Key != NodeId && pair.Value.LastHeard < deadline).ToList())
            {
                foreach (var (roomId, userId) in node.Entries.ToList())
                {
                    Remove(nodeId, node, roomId, userId, changes);
                }

                _nodes.Remove(nodeId);
            }
        }

        changes.ForEach(_hub.PublishLocal);
    }

    public void Dispose() => _subscription.Dispose();

    private void Leave(string roomId, string userId)
    {
        string? lastName = null;
        lock (_gate)
        {
            if (_local.TryGetValue(roomId, out var users) && users.TryGetValue(userId, out var entry))
            {
                if (entry.Connections > 1)
                {
                    users[userId] = entry with { Connections = entry.Connections - 1 };
                }
                else
                {
                    users.Remove(userId);
                    lastName = entry.UserName;
                    if (users.Count == 0)
                    {
                        _local.Remove(roomId);
                    }
                }
            }
        }

        if (lastName is not null)
        {
            _hub.Publish(new NodePresenceChanged(NodeId, roomId, userId, lastName, IsHere: false));
        }
    }

    private void OnNodeEvent(IRealtimeEvent realtimeEvent)
    {
        var changes = new List<PresenceChanged>();
        lock (_gate)
        {
            switch (realtimeEvent)
            {
                case NodePresenceChanged change:
                    var node = Heard(change.NodeId);
                    if (change.IsHere)
                    {
                        Add(change.NodeId, node, change.RoomId, change.UserId, change.UserName, changes);
                    }
                    else
                    {
                        Remove(change.NodeId, node, change.RoomId, change.UserId, changes);
                    }

                    break;
                case NodePresenceHeartbeat heartbeat:
                    Replace(heartbeat, changes);
                    break;
            }
        }

        changes.ForEach(_hub.PublishLocal);
    }

    /// <summary>The node's entries become exactly what its heartbeat lists.</summary>
    private void Replace(NodePresenceHeartbeat heartbeat, List<PresenceChanged> changes)
    {
        var node = Heard(heartbeat.NodeId);
        var listed = heartbeat.Entries.ToDictionary(entry => (entry.RoomId, entry.UserId), entry => entry.UserName);
        foreach (var (roomId, userId) in node.Entries.Where(key => !listed.ContainsKey(key)).ToList())
        {
            Remove(heartbeat.NodeId, node, roomId, userId, changes);
        }

        foreach (var ((roomId, userId), userName) in listed)
        {
            Add(heartbeat.NodeId, node, roomId, userId, userName, changes);
        }
    }

    private Node Heard(string nodeId)
    {
        if (!_nodes.TryGetValue(nodeId, out var node))
        {
            _nodes[nodeId] = node = new Node();
        }

        node.LastHeard = _time.GetUtcNow();
        return node;
    }

    private void Add(string nodeId, Node node, string roomId, string userId, string userName, List<PresenceChanged> changes)
    {
        if (!node.Entries.Add((roomId, userId)))
        {
            return;
        }

        if (!_rooms.TryGetValue(roomId, out var users))
        {
            _rooms[roomId] = users = new Dictionary<string, Member>(StringComparer.Ordinal);
        }

        if (!users.TryGetValue(userId, out var member))
        {
            users[userId] = member = new Member(userName);
            changes.Add(new PresenceChanged(roomId, userId, userName, IsOnline: true));
        }

        member.Nodes.Add(nodeId);
    }

    private void Remove(string nodeId, Node node, string roomId, string userId, List<PresenceChanged> changes)
    {
        if (!node.Entries.Remove((roomId, userId))
            || !_rooms.TryGetValue(roomId, out var users)
            || !users.TryGetValue(userId, out var member))
        {
            return;
        }

        member.Nodes.Remove(nodeId);
        if (member.Nodes.Count > 0)
        {
            return;
        }

        users.Remove(userId);
        if (users.Count == 0)
        {
            _rooms.Remove(roomId);
        }

        changes.Add(new PresenceChanged(roomId, userId, member.UserName, IsOnline: false));
    }

    private sealed record Local(string UserName, int Connections);

    private sealed class Member(string userName)
    {
        public string UserName { get; } = userName;

        public HashSet<string> Nodes { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Node
    {
        public HashSet<(string RoomId, string UserId)> Entries { get; } = [];

        public DateTimeOffset LastHeard { get; set; }
    }

    private sealed class Handle(PresenceTracker tracker, string roomId, string userId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                tracker.Leave(roomId, userId);
            }
        }
    }
}
