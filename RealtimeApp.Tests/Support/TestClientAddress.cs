using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace RealtimeApp.Tests.Support;

/// <summary>
/// The test server has no real connections: this sets <c>Connection.RemoteIpAddress</c> from a test-only request
/// header, first in the pipeline, as if the request had come from that address.
/// </summary>
public static class TestClientAddress
{
    public const string Header = "X-Test-Client-Address";

    /// <summary>For <see cref="RealtimeAppFactory"/>'s <c>configureTestServices</c>.</summary>
    public static void AddToTestServer(IServiceCollection services) => services.AddSingleton<IStartupFilter, Filter>();

    /// <summary>A browserless client whose requests come from <paramref name="address"/>.</summary>
    public static BrowserlessClient ClientFrom(RealtimeAppFactory factory, string address)
    {
        var client = BrowserlessClient.For(factory);
        client.Http.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
