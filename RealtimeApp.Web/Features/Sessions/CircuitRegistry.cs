using System.Collections.Concurrent;

namespace RealtimeApp.Web.Features.Sessions;

/// <summary>Every live circuit of a signed-in user on this node (singleton), so admins can list and end them.</summary>
public sealed class CircuitRegistry
{
    private readonly ConcurrentDictionary<string, CircuitSession> _circuits = new(StringComparer.Ordinal);

    public int Count => _circuits.Count;

    public IReadOnlyList<CircuitSession> Circuits => _circuits.Values.OrderBy(c => c.ConnectedAt).ToList();

    public bool IsOnline(string userId) => _circuits.Values.Any(c => c.UserId == userId);

    /// <summary>Ends one circuit; false when it is not open here.</summary>
    public bool End(string circuitId)
    {
        if (!_circuits.TryGetValue(circuitId, out var circuit))
        {
            return false;
        }

        circuit.End();
        return true;
    }

    /// <summary>Ends every circuit of the user; returns how many.</summary>
    public int EndUserCircuits(string userId)
    {
        var matches = _circuits.Values.Where(c => c.UserId == userId).ToList();
        foreach (var circuit in matches)
        {
            circuit.End();
        }

        return matches.Count;
    }

    internal void Add(CircuitSession circuit) => _circuits[circuit.Id] = circuit;

    internal void Remove(string circuitId) => _circuits.TryRemove(circuitId, out _);
}
