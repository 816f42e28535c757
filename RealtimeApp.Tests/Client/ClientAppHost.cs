using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Client;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Features.RateLimits.Support;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.ApiTokens;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Tests.Client;

/// <summary>The whole app on real Kestrel (127.0.0.1, a free port), for <see cref="RealtimeClient"/> as scripts use it.</summary>
public sealed class ClientAppHost : IAsyncDisposable
{
    public const string Password = "Staff#Pass1";

    private readonly RealtimeAppFactory _factory = new();

    private ClientAppHost()
    {
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        ApiUrl = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/api/ws");
    }

    public Uri ApiUrl { get; }

    /// <summary>Starts the app with a message budget no test reaches.</summary>
    public static async Task<ClientAppHost> StartAsync()
    {
        var host = new ClientAppHost();
        await RateLimitSettings.SetMessageBudgetAsync(host._factory.Services, 100_000);
        return host;
    }

    public async Task<Actor> AdminAsync()
    {
        var admin = await _factory.WithUserManagerAsync(users => users.FindByEmailAsync(RealtimeAppFactory.AdminEmail));
        return new Actor(admin!.Id, RealtimeAppFactory.AdminEmail, new HashSet<string> { Roles.Admin });
    }

    public ApiConnectionRegistry Registry => _factory.Services.GetRequiredService<ApiConnectionRegistry>();

    public async Task<Actor> CreateStaffAsync(string email)
    {
        var user = await _factory.CreateUserAsync(email, Password, Roles.Staff);
        return new Actor(user.Id, email, new HashSet<string> { Roles.Staff });
    }

    public async Task<CreatedApiToken> CreateTokenAsync(Actor owner, params string[] scopes)
    {
        var created = await _factory.Services.GetRequiredService<ApiTokenService>()
            .CreateAsync(owner.UserId, $"client {Guid.NewGuid():N}", null, scopes.Length == 0 ? [ApiScopes.All] : scopes, TestContext.Current.CancellationToken);
        return created.Value ?? throw new InvalidOperationException(created.Failure!.Message);
    }

    public Task RevokeAsync(Actor owner, int tokenId) =>
        _factory.Services.GetRequiredService<ApiTokenService>().RevokeAsync(owner, tokenId, TestContext.Current.CancellationToken);

    /// <summary>
    /// Posts <paramref name="count"/> messages ("post 1", "post 2"…), closing every API connection under its client
    /// (what an administrator's "disconnect" or a load balancer's restart does) after each post numbered in
    /// <paramref name="closeAfter"/>, once a follower is subscribed again (the posts in between go on while it is
    /// away); returns the first post's sequence.
    /// </summary>
    public async Task<long> PostClosingConnectionsAsync(Actor author, string roomId, int count, params int[] closeAfter)
    {
        var first = 0L;
        for (var n = 1; n <= count; n++)
        {
            var sequence = await PostAsync(author, roomId, $"post {n}");
            first = first == 0 ? sequence : first;
            if (closeAfter.Contains(n))
            {
                await Eventually.WaitUntilAsync(() => Registry.Connections.Any(c => c.SubscriptionCount > 0), "a follower is subscribed");
                Registry.CloseWhere(_ => true, "disconnected by an administrator");
            }
        }

        return first;
    }

    public async Task<long> PostAsync(Actor author, string roomId, string text)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var posted = await scope.ServiceProvider.GetRequiredService<ChatService>().PostAsync(author, roomId, text, TestContext.Current.CancellationToken);
        return posted.Value?.Sequence ?? throw new InvalidOperationException(posted.Failure!.Message);
    }

    public RealtimeClient Connect(string token, Action<RealtimeClientOptionsBuilder>? configure = null)
    {
        var builder = new RealtimeClientOptionsBuilder(ApiUrl, token);
        configure?.Invoke(builder);
        return new RealtimeClient(builder.Build());
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}

/// <summary>Test options: short back-off so reconnects do not slow the suite.</summary>
public sealed class RealtimeClientOptionsBuilder(Uri url, string token)
{
    public ReconnectPolicy Reconnect { get; set; } = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500), 0);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public RealtimeClientOptions Build() => new() { ServerUrl = url, Token = token, Reconnect = Reconnect, RequestTimeout = RequestTimeout };
}
