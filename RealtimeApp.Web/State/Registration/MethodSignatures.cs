using System.Reflection;

namespace RealtimeApp.Web.State.Registration;

/// <summary>Checks reducer and effect signatures at registration, with errors that name the method.</summary>
internal static class MethodSignatures
{
    public static void CheckReducer(MethodInfo method, Type? requiredActionType, IEnumerable<Type> stateTypes)
    {
        var parameters = method.GetParameters();
        var expectedCount = requiredActionType is null ? 2 : 1;
        var valid = method.IsStatic
            && !method.ContainsGenericParameters
            && parameters.Length == expectedCount
            && parameters[0].ParameterType == method.ReturnType;
        if (!valid)
        {
            var expected = requiredActionType is null
                ? $"static TState {method.Name}(TState state, TAction action)"
                : $"static TState {method.Name}(TState state) with [ReducerMethod(typeof(TAction))]";
            throw Invalid("ReducerMethod", method, $"must be '{expected}'");
        }

        if (!stateTypes.Contains(method.ReturnType))
        {
            throw Invalid("ReducerMethod", method, $"reduces {method.ReturnType.FullName}, which is not a scanned [FeatureState]");
        }
    }

    public static void CheckEffect(MethodInfo method, Type? requiredActionType)
    {
        var parameters = method.GetParameters();
        var dispatcherIndex = requiredActionType is null ? 1 : 0;
        var host = method.DeclaringType!;
        var valid = method.ReturnType == typeof(Task)
            && !method.ContainsGenericParameters
            && parameters.Length == dispatcherIndex + 1
            && parameters[dispatcherIndex].ParameterType == typeof(IDispatcher)
            && (method.IsStatic || (!host.IsAbstract && !host.ContainsGenericParameters));
        if (!valid)
        {
            var expected = requiredActionType is null
                ? $"Task {method.Name}(TAction action, IDispatcher dispatcher)"
                : $"Task {method.Name}(IDispatcher dispatcher) with [EffectMethod(typeof(TAction))]";
            throw Invalid("EffectMethod", method, $"must be '{expected}', static or on a concrete non-generic class");
        }
    }

    private static InvalidOperationException Invalid(string attribute, MethodInfo method, string problem) =>
        new($"[{attribute}] {method.DeclaringType!.FullName}.{method.Name} {problem}.");
}
