using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Tests.Realtime.Support;

/// <summary>
/// A small host with only the WebSocket API mapped (<c>AddRealtimeApi</c> + <c>UseRealtimeApi</c>), the test
/// authenticator and <see cref="TestProcedures"/>; on the in-memory TestServer, or on real Kestrel at 127.0.0.1.
/// </summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiTestHost(WebApplication app, bool kestrel)
    {
        _app = app;
        if (kestrel)
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            WebSocketUri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/api/ws");
            HttpAddress = new Uri(address);
        }
    }

    public Uri WebSocketUri { get; } = new("ws://localhost/api/ws");

    /// <summary>The server's base address (Kestrel hosts only).</summary>
    public Uri? HttpAddress { get; }

    public IServiceProvider Services => _app.Services;

    public ApiConnectionRegistry Registry => Services.GetRequiredService<ApiConnectionRegistry>();

    public TestApiAuthenticator Authenticator => (TestApiAuthenticator)Services.GetRequiredService<IApiConnectionAuthenticator>();

    public TestProcedureState State => Services.GetRequiredService<TestProcedureState>();

    public CapturingLoggerProvider Logs => Services.GetRequiredService<CapturingLoggerProvider>();

    public static async Task<ApiTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        bool kestrel = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        if (kestrel)
        {
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton<TestProcedureState>();
        builder.Services.AddSingleton<IApiConnectionAuthenticator, TestApiAuthenticator>();
        builder.Services.AddRealtimeApi();
        builder.Services.AddTrpcProcedures(TestProcedures.Register);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseRealtimeApi();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ApiTestHost(app, kestrel);
    }

    /// <summary>Connects on the TestServer; <paramref name="query"/> is appended to <c>/api/ws</c> (e.g. <c>?connectionParams=1</c>).</summary>
    public async Task<TrpcTestClient> ConnectAsync(string query = "", string? bearer = null)
    {
        var client = _app.GetTestServer().CreateWebSocketClient();
        if (bearer is not null)
        {
            client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {bearer}";
        }

        return new TrpcTestClient(await client.ConnectAsync(new Uri(WebSocketUri + query), TestContext.Current.CancellationToken));
    }

    /// <summary>Connects with connectionParams <c>{"token":…}</c> as the official client does.</summary>
    public async Task<TrpcTestClient> ConnectAsAsync(string token)
    {
        var client = await ConnectAsync("?connectionParams=1");
        await client.SendAsync($$$"""{"method":"connectionParams","data":{"token":"{{{token}}}"}}""");
        return client;
    }

    /// <summary>Connects over real TCP (Kestrel hosts only).</summary>
    public async Task<ClientWebSocket> ConnectKestrelAsync(string query = "", Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        await socket.ConnectAsync(new Uri(WebSocketUri + query), TestContext.Current.CancellationToken);
        return socket;
    }

    /// <summary>An HTTP client for the host: on the TestServer, or over real TCP for Kestrel hosts.</summary>
    public HttpClient CreateHttpClient() => HttpAddress is { } address ? new HttpClient { BaseAddress = address } : _app.GetTestServer().CreateClient();

    public Task StopAsync() => _app.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
