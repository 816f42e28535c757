using System.Reflection;

namespace RealtimeApp.Web.State;

/// <summary>What <c>AddFluxor</c> scans and which middleware the store runs.</summary>
public sealed class FluxorOptions
{
    private readonly List<Type> _typesToScan = [];
    private readonly List<Type> _middlewareTypes = [];

    internal IReadOnlyList<Type> TypesToScan => _typesToScan;

    internal IReadOnlyList<Type> MiddlewareTypes => _middlewareTypes;

    /// <summary>Scans every type of the given assemblies for features, reducers and effects.</summary>
    public FluxorOptions ScanAssemblies(Assembly assemblyToScan, params Assembly[] additionalAssembliesToScan)
    {
        ArgumentNullException.ThrowIfNull(assemblyToScan);
        ArgumentNullException.ThrowIfNull(additionalAssembliesToScan);

        foreach (var assembly in additionalAssembliesToScan.Prepend(assemblyToScan))
        {
            _typesToScan.AddRange(assembly.GetTypes());
        }

        return this;
    }

    /// <summary>Scans only the given types (handy in tests).</summary>
    public FluxorOptions ScanTypes(Type typeToScan, params Type[] additionalTypesToScan)
    {
        ArgumentNullException.ThrowIfNull(typeToScan);
        ArgumentNullException.ThrowIfNull(additionalTypesToScan);

        _typesToScan.AddRange(additionalTypesToScan.Prepend(typeToScan));
        return this;
    }

    /// <summary>Adds a scoped middleware; middleware run in the order they are added.</summary>
    public FluxorOptions AddMiddleware<TMiddleware>()
        where TMiddleware : class, IMiddleware
    {
        if (!_middlewareTypes.Contains(typeof(TMiddleware)))
        {
            _middlewareTypes.Add(typeof(TMiddleware));
        }

        return this;
    }
}
