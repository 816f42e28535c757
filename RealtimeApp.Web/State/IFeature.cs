namespace RealtimeApp.Web.State;

/// <summary>The store's view of one feature, independent of its state type.</summary>
internal interface IFeature : IStateChangedNotifier
{
    string Name { get; }

    byte MaximumStateChangedNotificationsPerSecond { get; }

    /// <summary>Runs the feature's reducers on <paramref name="action"/>; true when the state instance changed.</summary>
    bool ReduceState(object action);

    void RaiseStateChanged();
}
