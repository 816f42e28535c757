namespace RealtimeApp.Web.State;

/// <summary>
/// Marks an immutable record as the state of a feature. The record's parameterless constructor
/// (public or not) creates the initial state; one instance of the feature lives in each store.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FeatureStateAttribute : Attribute
{
    /// <summary>The feature's name; defaults to the full name of the state type.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The most times per second a <see cref="FluxorComponent"/> re-renders for this state;
    /// 0 (the default) means every change re-renders.
    /// </summary>
    public byte MaximumStateChangedNotificationsPerSecond { get; set; }
}
