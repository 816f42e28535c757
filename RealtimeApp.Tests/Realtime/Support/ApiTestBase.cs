namespace RealtimeApp.Tests.Realtime.Support;

/// <summary>One API host per test, on the TestServer, with alice connected through connectionParams when asked.</summary>
public abstract class ApiTestBase : IAsyncLifetime
{
    private readonly List<TrpcTestClient> _clients = [];
    private ApiTestHost? _host;

    protected ApiTestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync() => _host = await ApiTestHost.StartAsync(Settings);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected async Task<TrpcTestClient> ConnectAliceAsync() => Track(await Host.ConnectAsAsync(TestApiAuthenticator.AliceToken));

    protected async Task<TrpcTestClient> ConnectAsync(string query = "", string? bearer = null) => Track(await Host.ConnectAsync(query, bearer));

    protected TrpcTestClient Track(TrpcTestClient client)
    {
        _clients.Add(client);
        return client;
    }
}
