using System.Linq.Expressions;
using System.Reflection;

namespace RealtimeApp.Web.State.Registration;

/// <summary>A discovered <c>[FeatureState]</c> with its reducers, independent of the state type.</summary>
internal interface IFeatureRegistration
{
    Type StateType { get; }

    string Name { get; }

    void AddReducer(MethodInfo method, Type actionType, bool takesAction);

    void Register(IServiceCollection services);

    IFeature Resolve(IServiceProvider services);
}

/// <summary>
/// Registers <see cref="Feature{TState}"/> and <see cref="IState{TState}"/> as scoped services; the initial-state
/// factory and the reducers are compiled once, here, and shared by every store.
/// </summary>
internal sealed class FeatureRegistration<TState>(
    string name, byte maximumStateChangedNotificationsPerSecond, ConstructorInfo constructor)
    : IFeatureRegistration
    where TState : class
{
    private readonly Func<TState> _createInitialState =
        Expression.Lambda<Func<TState>>(Expression.New(constructor)).Compile();

    private readonly List<IReducer<TState>> _reducers = [];

    public Type StateType => typeof(TState);

    public string Name { get; } = name;

    public void AddReducer(MethodInfo method, Type actionType, bool takesAction)
    {
        var reducerType = typeof(Reducer<,>).MakeGenericType(typeof(TState), actionType);
        _reducers.Add((IReducer<TState>)Activator.CreateInstance(reducerType, method, takesAction)!);
    }

    public void Register(IServiceCollection services)
    {
        var reducers = _reducers.ToArray();
        services.AddScoped(_ => new Feature<TState>(
            Name, maximumStateChangedNotificationsPerSecond, _createInitialState(), reducers));
        services.AddScoped<IState<TState>>(provider => provider.GetRequiredService<Feature<TState>>());
    }

    public IFeature Resolve(IServiceProvider services) => services.GetRequiredService<Feature<TState>>();
}
