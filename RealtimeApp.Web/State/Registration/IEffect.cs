namespace RealtimeApp.Web.State.Registration;

/// <summary>An effect ready to run in one store.</summary>
internal interface IEffect
{
    bool ShouldHandle(object action);

    Task HandleAsync(object action, IDispatcher dispatcher);
}

/// <summary>A discovered <c>[EffectMethod]</c>, turned into an <see cref="IEffect"/> per store.</summary>
internal interface IEffectRegistration
{
    /// <summary>The class whose instance runs the effect; null for a static method.</summary>
    Type? HostType { get; }

    IEffect Create(object? host);
}
