using System.Reflection;

namespace RealtimeApp.Web.State.Registration;

/// <summary>
/// Finds <c>[FeatureState]</c> types, <c>[ReducerMethod]</c>s and <c>[EffectMethod]</c>s by reflection, once per
/// application, checks their signatures and compiles them into <see cref="StoreRegistrations"/>.
/// </summary>
internal static class StoreScanner
{
    private const BindingFlags DeclaredMethods =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    public static StoreRegistrations Scan(IEnumerable<Type> types, IReadOnlyList<Type> middlewareTypes)
    {
        var candidates = types.Distinct().ToArray();
        var features = candidates
            .Select(type => (Type: type, Attribute: type.GetCustomAttribute<FeatureStateAttribute>()))
            .Where(found => found.Attribute is not null)
            .Select(found => CreateFeature(found.Type, found.Attribute!))
            .ToArray();
        var duplicate = features.GroupBy(feature => feature.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two [FeatureState] types are named '{duplicate.Key}'; give one a Name.");
        }

        var featuresByState = features.ToDictionary(feature => feature.StateType);
        var effects = new List<IEffectRegistration>();
        var hostFactories = new Dictionary<Type, ObjectFactory>();
        foreach (var method in candidates.SelectMany(type => type.GetMethods(DeclaredMethods)))
        {
            if (method.GetCustomAttribute<ReducerMethodAttribute>() is { } reducer)
            {
                MethodSignatures.CheckReducer(method, reducer.RequiredActionType, featuresByState.Keys);
                var actionType = reducer.RequiredActionType ?? method.GetParameters()[1].ParameterType;
                featuresByState[method.ReturnType].AddReducer(method, actionType, reducer.RequiredActionType is null);
            }

            if (method.GetCustomAttribute<EffectMethodAttribute>() is { } effect)
            {
                MethodSignatures.CheckEffect(method, effect.RequiredActionType);
                effects.Add(CreateEffect(method, effect.RequiredActionType));
                if (!method.IsStatic && !hostFactories.ContainsKey(method.DeclaringType!))
                {
                    hostFactories.Add(method.DeclaringType!, ActivatorUtilities.CreateFactory(method.DeclaringType!, []));
                }
            }
        }

        return new StoreRegistrations(features, effects, hostFactories, middlewareTypes);
    }

    private static IFeatureRegistration CreateFeature(Type stateType, FeatureStateAttribute attribute)
    {
        var constructor = stateType.GetConstructor(
            BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes);
        if (!stateType.IsClass || stateType.IsAbstract || stateType.ContainsGenericParameters || constructor is null)
        {
            throw new InvalidOperationException(
                $"[FeatureState] {stateType.FullName} must be a non-abstract, non-generic record class with a parameterless constructor.");
        }

        var registrationType = typeof(FeatureRegistration<>).MakeGenericType(stateType);
        var name = attribute.Name ?? stateType.FullName!;
        return (IFeatureRegistration)Activator.CreateInstance(
            registrationType, name, attribute.MaximumStateChangedNotificationsPerSecond, constructor)!;
    }

    private static IEffectRegistration CreateEffect(MethodInfo method, Type? requiredActionType)
    {
        var actionType = requiredActionType ?? method.GetParameters()[0].ParameterType;
        var registrationType = method.IsStatic
            ? typeof(StaticEffect<>).MakeGenericType(actionType)
            : typeof(InstanceEffectRegistration<,>).MakeGenericType(method.DeclaringType!, actionType);
        return (IEffectRegistration)Activator.CreateInstance(registrationType, method, requiredActionType is null)!;
    }
}
