namespace RealtimeApp.Web.State.Registration;

/// <summary>
/// Everything the scan found, compiled once per application and shared (as a singleton) by every
/// circuit's store.
/// </summary>
internal sealed class StoreRegistrations(
    IReadOnlyList<IFeatureRegistration> features,
    IReadOnlyList<IEffectRegistration> effects,
    IReadOnlyDictionary<Type, ObjectFactory> effectHostFactories,
    IReadOnlyList<Type> middlewareTypes)
{
    /// <summary>In registration order: the order reducers run in.</summary>
    public IReadOnlyList<IFeatureRegistration> Features { get; } = features;

    public IReadOnlyList<IEffectRegistration> Effects { get; } = effects;

    /// <summary>How to build each class that hosts instance effects (one instance per store).</summary>
    public IReadOnlyDictionary<Type, ObjectFactory> EffectHostFactories { get; } = effectHostFactories;

    public IReadOnlyList<Type> MiddlewareTypes { get; } = middlewareTypes;
}
