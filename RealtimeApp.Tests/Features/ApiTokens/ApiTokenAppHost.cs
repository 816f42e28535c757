using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Realtime.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.ApiTokens;
using RealtimeApp.Web.Features.Users;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Tests.Features.ApiTokens;

/// <summary>
/// The whole app on the TestServer with a <see cref="FakeTimeProvider"/> and a <c>test.whoami</c> query (the caller's
/// name), for WebSocket and HTTP (<c>/api/trpc</c>) tests that authenticate with real API tokens and cookies.
/// </summary>
public sealed class ApiTokenAppHost : IAsyncDisposable
{
    public const string Password = "Staff#Pass1";

    // These tests move the fake clock minutes at a time; the server's keep-alive runs on the same clock and would
    // end the socket (no PONG within 5 s) before the token sweeper gets to close it, so it is off here. The close
    // handshake's timeout is real time: on a loaded machine the test client may take longer than the default 5 s to
    // answer a close frame, and the server would abort the socket under it.
    private readonly RealtimeAppFactory _factory;

    /// <param name="settings">Configuration added to the host's (log levels, for instance).</param>
    /// <param name="configureServices">Extra services (a log recorder, for instance).</param>
    public ApiTokenAppHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Api:KeepAlive:PingSeconds"] = "0",
            ["Api:CloseTimeoutSeconds"] = "60",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _factory = new RealtimeAppFactory(all);
        App = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddTrpcProcedures(router => router.Query("test.whoami", ApiScopes.ChatRead, ctx => Task.FromResult(ctx.User.Identity!.Name)));
            configureServices?.Invoke(services);
        }));
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> App { get; }

    public ApiTokenService Tokens => App.Services.GetRequiredService<ApiTokenService>();

    /// <summary>The node's live API sessions: WebSocket connections and SSE streams.</summary>
    public ApiConnectionRegistry Registry => App.Services.GetRequiredService<ApiConnectionRegistry>();

    /// <summary>A plain HTTP client of the TestServer, for <c>/api/trpc</c>.</summary>
    public HttpClient CreateHttpClient() => App.Server.CreateClient();

    public async Task<Actor> CreateStaffAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccountService>().CreateAsync(email, Password, Roles.Staff);
        var user = result.User ?? throw new InvalidOperationException(result.Error);
        return new Actor(user.Id, email, new HashSet<string> { Roles.Staff });
    }

    public async Task<CreatedApiToken> CreateTokenAsync(Actor owner, string name, DateTimeOffset? expiresAt = null, IReadOnlyList<string>? scopes = null)
    {
        var created = await Tokens.CreateAsync(owner.UserId, name, expiresAt, scopes ?? [ApiScopes.All], TestContext.Current.CancellationToken);
        return created.Value ?? throw new InvalidOperationException(created.Failure!.Message);
    }

    /// <summary>Opens <c>/api/ws</c>; <paramref name="configure"/> sets headers of the upgrade request.</summary>
    public async Task<TrpcTestClient> ConnectAsync(string query = "", Action<Microsoft.AspNetCore.Http.HttpRequest>? configure = null)
    {
        var client = App.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => configure?.Invoke(request);
        var socket = await client.ConnectAsync(new Uri(App.Server.BaseAddress, "api/ws" + query), TestContext.Current.CancellationToken);
        return new TrpcTestClient(socket);
    }

    /// <summary>Connects with connectionParams <c>{"token":…}</c> as the official client does.</summary>
    public async Task<TrpcTestClient> ConnectWithTokenAsync(string token)
    {
        var client = await ConnectAsync("?connectionParams=1");
        await client.SendAsync($$$"""{"method":"connectionParams","data":{"token":"{{{token}}}"}}""");
        return client;
    }

    /// <summary>Signs in through the login form and returns the <c>Cookie</c> header a browser would send.</summary>
    public async Task<string> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var browser = new BrowserlessClient(App.CreateDefaultClient(new CookieContainerHandler(cookies)));
        await browser.LogInSuccessfullyAsync(email, Password);
        return cookies.GetCookieHeader(App.Server.BaseAddress);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
