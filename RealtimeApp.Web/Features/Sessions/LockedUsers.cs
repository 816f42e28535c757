using System.Collections.Concurrent;

namespace RealtimeApp.Web.Features.Sessions;

/// <summary>
/// Users locked on this node since it started: their cookies stop authorizing at once, without waiting for the
/// security-stamp check (which covers other nodes and restarts within <c>Sessions:RevalidationSeconds</c>).
/// </summary>
public sealed class LockedUsers
{
    private readonly ConcurrentDictionary<string, byte> _users = new(StringComparer.Ordinal);

    public void Add(string userId) => _users[userId] = 0;

    public void Remove(string userId) => _users.TryRemove(userId, out _);

    public bool Contains(string userId) => _users.ContainsKey(userId);
}
