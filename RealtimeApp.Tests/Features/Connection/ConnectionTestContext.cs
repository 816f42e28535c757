using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.State.Support;
using RealtimeApp.Web.Features.Connection.Store;

namespace RealtimeApp.Tests.Features.Connection;

/// <summary>The bUnit base with only the connection feature scanned, plus its circuit handler.</summary>
public abstract class ConnectionTestContext : FluxorTestContext
{
    protected ConnectionTestContext()
        : base(
            options => options.ScanTypes(typeof(ConnectionState), typeof(ConnectionReducers), typeof(ConnectionEffects)),
            services => services.AddConnectionStatus())
    {
    }
}
