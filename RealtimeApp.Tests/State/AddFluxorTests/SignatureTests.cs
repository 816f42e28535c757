using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.State.Support;

namespace RealtimeApp.Tests.State.AddFluxorTests;

public sealed class SignatureTests
{
    [Theory]
    [InlineData(typeof(InstanceReducer), nameof(InstanceReducer.ReduceOnInstance))]
    [InlineData(typeof(ReducerReturningAnotherType), nameof(ReducerReturningAnotherType.ReduceToInt))]
    [InlineData(typeof(ReducerWithoutAction), nameof(ReducerWithoutAction.ReduceWithoutAction))]
    [InlineData(typeof(ReducerOfUnknownState), nameof(ReducerOfUnknownState.ReduceString))]
    [InlineData(typeof(EffectReturningVoid), nameof(EffectReturningVoid.HandleWithoutTask))]
    [InlineData(typeof(EffectWithoutDispatcher), nameof(EffectWithoutDispatcher.HandleWithoutDispatcher))]
    [InlineData(typeof(EffectWithActionTwice), nameof(EffectWithActionTwice.HandleActionTwice))]
    public void AddFluxor_ThrowsNamingTheMethod_WhenSignatureIsWrong(Type declaringType, string methodName)
    {
        var services = new ServiceCollection();

        var register = () => services.AddFluxor(options => options.ScanTypes(typeof(CounterState), declaringType));

        var exception = register.ShouldThrow<InvalidOperationException>();
        exception.Message.ShouldContain($"{declaringType.FullName}.{methodName}");
    }

    [Fact]
    public void AddFluxor_Throws_WhenCalledTwice()
    {
        var services = new ServiceCollection();
        services.AddFluxor(options => options.ScanTypes(typeof(CounterState)));

        var registerAgain = () => services.AddFluxor(options => options.ScanTypes(typeof(CounterState)));

        registerAgain.ShouldThrow<InvalidOperationException>();
    }
}
