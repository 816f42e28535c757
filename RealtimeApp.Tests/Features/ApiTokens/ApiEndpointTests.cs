using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Features.ApiTokens;

namespace RealtimeApp.Tests.Features.ApiTokens;

/// <summary><c>/api/ws</c> in the whole app on real Kestrel: neither the Blazor router nor the status pages get in the way.</summary>
public sealed class ApiEndpointTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RealtimeAppFactory _factory = new();
    private Uri _address = null!;

    public ValueTask InitializeAsync()
    {
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _address = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task PlainGet_Returns400WithExplanation_NotTheAppsErrorPage()
    {
        using var http = new HttpClient { BaseAddress = _address };

        var response = await http.GetAsync("/api/ws", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldStartWith("This endpoint only accepts WebSocket connections");
    }

    [Fact]
    public async Task BearerToken_OpensAnAuthenticatedConnection_OnKestrel()
    {
        var user = await _factory.CreateUserAsync("ana@example.com", "Ana#Pass1", Roles.Staff);
        var token = (await _factory.Services.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, "ci", null, [ApiScopes.All], Ct)).Value!;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {token.Secret}");
        await socket.ConnectAsync(new Uri($"ws://{_address.Authority}/api/ws"), Ct);

        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"id":1,"method":"query","params":{"path":"no.such"}}"""), WebSocketMessageType.Text, true, Ct);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, Ct);

        // Authenticated: the request reaches the router (NOT_FOUND) instead of an UNAUTHORIZED rejection.
        Encoding.UTF8.GetString(buffer, 0, received.Count).ShouldContain("\"code\":\"NOT_FOUND\"");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Ct);
    }
}
