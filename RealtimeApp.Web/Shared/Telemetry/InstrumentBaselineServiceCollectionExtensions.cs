using Microsoft.Extensions.DependencyInjection.Extensions;
using RealtimeApp.Web.Shared.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

public static class InstrumentBaselineServiceCollectionExtensions
{
    /// <summary>Makes the singleton <typeparamref name="T"/> record its zeros at start-up (once, however often it is called).</summary>
    public static IServiceCollection AddInstrumentBaseline<T>(this IServiceCollection services)
        where T : class, IInstrumentBaseline
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInstrumentBaseline, T>(provider => provider.GetRequiredService<T>()));
        return services;
    }
}
