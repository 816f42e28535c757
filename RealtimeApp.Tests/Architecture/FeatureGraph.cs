using static RealtimeApp.Tests.Architecture.AppArchitecture;

namespace RealtimeApp.Tests.Architecture;

/// <summary>Which feature uses which, read from the compiled types: an arrow per feature pair, with one example each.</summary>
internal sealed class FeatureGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _arrows = new(StringComparer.Ordinal);

    private FeatureGraph()
    {
    }

    public static FeatureGraph Load()
    {
        var graph = new FeatureGraph();
        foreach (var type in Model.Types)
        {
            if (FeatureOf(type.Namespace.FullName) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                if (FeatureOf(dependency.Target.Namespace.FullName) is { } to && to != from)
                {
                    graph.Add(from, to, $"{type.FullName} -> {dependency.Target.FullName}");
                }
            }
        }

        return graph;
    }

    /// <summary>Each cycle once, as "A -> B -> A" with the type that makes each arrow.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in _arrows.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var path in PathsBack(start, [start]))
            {
                var key = string.Join(",", path.Order(StringComparer.Ordinal));
                if (seen.Add(key))
                {
                    found.Add(Describe(path));
                }
            }
        }

        return found;
    }

    private IEnumerable<List<string>> PathsBack(string start, List<string> path)
    {
        foreach (var next in Targets(path[^1]))
        {
            if (next == start)
            {
                yield return path;
            }
            else if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0)
            {
                foreach (var cycle in PathsBack(start, [.. path, next]))
                {
                    yield return cycle;
                }
            }
        }
    }

    private IEnumerable<string> Targets(string feature) =>
        _arrows.TryGetValue(feature, out var targets) ? targets.Keys.Order(StringComparer.Ordinal) : [];

    private string Describe(List<string> path)
    {
        var steps = path.Select((from, i) => (from, to: path[(i + 1) % path.Count]));
        return string.Join("; ", steps.Select(step => $"{step.from} -> {step.to} ({_arrows[step.from][step.to]})"));
    }

    private void Add(string from, string to, string example)
    {
        var targets = _arrows.TryGetValue(from, out var existing) ? existing : _arrows[from] = new(StringComparer.Ordinal);
        targets.TryAdd(to, example);
    }

    public static string? FeatureOf(string ns) =>
        ns.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal)
            ? ns[(FeaturesNamespace.Length + 1)..].Split('.')[0]
            : null;
}
