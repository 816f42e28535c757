using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.RateLimits.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Rooms;
using RealtimeApp.Web.Realtime.Authentication;

namespace RealtimeApp.Tests.Features.Chat.Api.Support;

/// <summary>
/// The whole app (real SQLite file, real hub, real chat services) with the WebSocket API reachable on the test server,
/// users created through the app and signed in on the API with test tokens.
/// </summary>
public sealed class ChatApiHost : IAsyncDisposable
{
    private const string Password = "Test#Pass1";

    private readonly RealtimeAppFactory _factory;
    private readonly List<TrpcTestClient> _clients = [];
    private int _users;

    private ChatApiHost()
    {
        _factory = new RealtimeAppFactory(
            new Dictionary<string, string?>(),
            services =>
            {
                services.AddSingleton<TokenTestAuthenticator>();
                services.AddSingleton<IApiConnectionAuthenticator>(provider => provider.GetRequiredService<TokenTestAuthenticator>());
            });
    }

    public IServiceProvider Services => _factory.Services;

    public static async Task<ChatApiHost> StartAsync(int messagesPerMinute = 100_000)
    {
        var host = new ChatApiHost();
        await host._factory.InitializeAsync();
        _ = host._factory.Server;
        await RateLimitSettings.SetMessageBudgetAsync(host.Services, messagesPerMinute);
        return host;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A user created through the app (<c>{name}@example.com</c>) with an API token of their own.</summary>
    public async Task<TestUser> CreateUserAsync(string name, string role = Roles.Staff)
    {
        var email = $"{name}@example.com";
        var user = await _factory.CreateUserAsync(email, Password, role);
        var token = $"token-{Interlocked.Increment(ref _users)}-{name}";
        Get<TokenTestAuthenticator>().Register(token, user.Id, email, role);
        return new TestUser(user.Id, email, token, new Actor(user.Id, email, new HashSet<string> { role }));
    }

    /// <summary>A room created by <paramref name="admin"/> through room administration; returns its id.</summary>
    public async Task<string> CreateRoomAsync(TestUser admin, string name, bool isPrivate = false)
    {
        var created = await Get<RoomAdministration>().CreateAsync(admin.Actor, name, null, isPrivate, TestContext.Current.CancellationToken);
        created.Failure.ShouldBeNull();
        return created.Value!.Id;
    }

    /// <summary>Posts through <see cref="ChatService"/> (the UI's path) and fails the test when refused.</summary>
    public async Task<ChatMessageView> PostAsync(TestUser author, string roomId, string text)
    {
        var posted = await Get<ChatService>().PostAsync(author.Actor, roomId, text, TestContext.Current.CancellationToken);
        posted.Failure.ShouldBeNull();
        return posted.Value!;
    }

    /// <summary>Posts "message {first}" … "message {last}" one after the other.</summary>
    public async Task PostManyAsync(TestUser author, string roomId, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            await PostAsync(author, roomId, $"message {i}");
        }
    }

    /// <summary>A WebSocket on <c>/api/ws</c> signed in as <paramref name="user"/> through connectionParams.</summary>
    public async Task<TrpcTestClient> ConnectAsync(TestUser user)
    {
        var socket = await _factory.Server.CreateWebSocketClient()
            .ConnectAsync(new Uri("ws://localhost/api/ws?connectionParams=1"), TestContext.Current.CancellationToken);
        var client = new TrpcTestClient(socket);
        _clients.Add(client);
        await client.SendAsync($$$"""{"method":"connectionParams","data":{"token":"{{{user.Token}}}"}}""");
        return client;
    }

    /// <summary>An HTTP client for <c>/api/trpc</c> on the test server (no cookies, no redirects).</summary>
    public HttpClient CreateHttpClient() => _factory.Server.CreateClient();

    /// <summary>Stops the app as SIGTERM would (reconnect notice, drain, close), leaving the clients to the test.</summary>
    public Task StopAsync() => _factory.StopAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await _factory.DisposeAsync();
    }
}
